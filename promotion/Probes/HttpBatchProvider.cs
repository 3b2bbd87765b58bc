using System.Globalization;
using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Probes;

/// <summary>Fetches an error rate or a p95 latency from a batch of probe requests to every green endpoint.</summary>
public sealed class HttpBatchProvider(HttpProbe probe, HttpBatchSource source, IReadOnlyList<Uri> endpoints) : IMetricProvider
{
    /// <summary>How many samples a report shows per measurement.</summary>
    public const int SampleCount = 3;

    /// <inheritdoc />
    public IReadOnlyList<string> LastSamples { get; private set; } = [];

    /// <inheritdoc />
    public async Task<double> FetchAsync(CancellationToken cancellationToken)
    {
        var batches = await Task.WhenAll(endpoints.Select(e =>
            probe.BatchAsync(new Uri(e, source.Path), source.Requests, source.Concurrency, cancellationToken)));
        var samples = batches.SelectMany(b => b).ToList();
        LastSamples = Evidence(samples);
        return source.Statistic switch
        {
            HttpStatistic.ErrorRate => Statistics.ErrorRate(samples),
            HttpStatistic.P95LatencyMs => Statistics.LatencyPercentileMs(samples, 0.95),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source.Statistic, "unknown statistic"),
        };
    }

    // The counts first (HTTP 5xx and connection errors apart), then a few of the requests that made the value.
    private List<string> Evidence(List<ProbeSample> samples)
    {
        var errors = samples.Where(s => s.IsError).ToList();
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{samples.Count} requests: {errors.Count(s => !s.IsConnectionError)} HTTP 5xx, {errors.Count(s => s.IsConnectionError)} connection errors");
        var shown = source.Statistic == HttpStatistic.P95LatencyMs
            ? samples.OrderByDescending(s => s.Latency).Take(SampleCount)
            : errors.Take(SampleCount);
        return [counts, .. shown.Select(s => s.ToString())];
    }
}
