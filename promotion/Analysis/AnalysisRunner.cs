using System.Diagnostics;
using Toolkit.Promotion.Probes;

namespace Toolkit.Promotion.Analysis;

/// <summary>
/// Runs an <see cref="AnalysisTemplate"/> for a bake: every metric measures on its own interval,
/// concurrently; each value is judged by <see cref="Evaluator"/> and each metric by <see cref="Assessor"/>.
/// The first metric that completes unsuccessfully stops the others; a passing analysis lasts the whole bake.
/// </summary>
public sealed class AnalysisRunner(Func<Metric, IMetricProvider> providerFor)
{
    /// <summary>Analyses for <paramref name="bake"/>; <paramref name="onMeasurement"/> sees each measurement (from any thread).</summary>
    public async Task<AnalysisResult> RunAsync(
        AnalysisTemplate template, TimeSpan bake, Action<MeasurementTaken>? onMeasurement, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(template.Metrics.Select(m => RunMetricAsync(m, started, stop, onMeasurement)));
        cancellationToken.ThrowIfCancellationRequested();

        var phase = Assessor.Combine(results.Select(r => r.Phase));
        if (phase == AnalysisPhase.Successful)
        {
            var left = bake - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero) await Task.Delay(left, cancellationToken);
        }
        return new AnalysisResult(phase, results);
    }

    private async Task<MetricResult> RunMetricAsync(Metric metric, long started, CancellationTokenSource stop, Action<MeasurementTaken>? onMeasurement)
    {
        var provider = providerFor(metric);
        var measurements = new List<Measurement>();
        var assessment = Assessor.Assess(metric, measurements);
        for (var i = 0; !Assessor.IsCompleted(assessment.Phase); i++)
        {
            try
            {
                var wait = metric.Interval * i - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token);
                measurements.Add(await MeasureAsync(metric, provider, stop.Token));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break; // another metric decided the analysis, or the caller gave up
            }
            assessment = Assessor.Assess(metric, measurements);
            onMeasurement?.Invoke(new MeasurementTaken(metric, measurements[^1], assessment));
            if (Assessor.IsCompleted(assessment.Phase) && assessment.Phase != AnalysisPhase.Successful) await stop.CancelAsync();
        }
        return new MetricResult(metric, assessment, measurements.ToList());
    }

    private static async Task<Measurement> MeasureAsync(Metric metric, IMetricProvider provider, CancellationToken cancellationToken)
    {
        double value;
        try
        {
            value = await provider.FetchAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new Measurement(AnalysisPhase.Error, null, e.Message);
        }
        return new Measurement(Evaluator.Evaluate(value, metric), value) { Samples = provider.LastSamples };
    }
}
