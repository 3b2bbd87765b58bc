using System.Globalization;
using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Reporting;

/// <summary>
/// Progress as plain lines (CI logs, redirected output): one line per split, per failed or final
/// measurement, and per step verdict. Thread-safe.
/// </summary>
public sealed class PlainReporter(TextWriter writer) : IPromotionObserver
{
    private readonly Lock _gate = new();
    private IReadOnlyList<int> _steps = [];

    /// <inheritdoc />
    public void Started(string stack, string target, IReadOnlyList<int> steps, int fromStep, bool resumed)
    {
        _steps = steps;
        Write(resumed
            ? $"promote {stack} ({target}): resuming at step {fromStep + 1}/{steps.Count} ({steps[fromStep]} % green)"
            : $"promote {stack} ({target}): steps {string.Join(", ", steps)} % green");
    }

    /// <inheritdoc />
    public void WeightsSet(int? step, TrafficSplit split) =>
        Write(step is { } s ? $"step {s + 1}/{_steps.Count}: {split}" : $"weights: {split}");

    /// <inheritdoc />
    public void Measured(int step, MeasurementTaken m)
    {
        // Every measurement would flood a CI log; print the ones that matter: bad ones and each metric's verdict.
        if (m.Measurement.Phase == AnalysisPhase.Successful && !Assessor.IsCompleted(m.Assessment.Phase)) return;
        var value = m.Measurement.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "none";
        var why = m.Measurement.Message is { } message ? $" ({message})" : "";
        Write($"  {m.Metric.Name} = {value} [{m.Metric.SuccessCondition}] {m.Measurement.Phase.ToString().ToLowerInvariant()}{why}; metric {m.Assessment.Phase.ToString().ToLowerInvariant()} after {m.Assessment.Measured}/{m.Metric.Count}");
        if (m.Measurement.Phase != AnalysisPhase.Successful)
            foreach (var sample in m.Measurement.Samples) Write($"    {sample}");
    }

    /// <inheritdoc />
    public void StepFinished(int step, StepReport report) =>
        Write($"step {step + 1}/{_steps.Count} ({report.GreenPercent} % green): analysis {report.Phase.ToString().ToLowerInvariant()}");

    /// <inheritdoc />
    public void Finished(PromotionReport report) => Write($"{report.Outcome.ToString().ToLowerInvariant()}: {report.Message}");

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.Write(line + "\n");
            writer.Flush();
        }
    }
}
