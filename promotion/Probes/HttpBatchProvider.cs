using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Probes;

/// <summary>Fetches an error rate or a p95 latency from a batch of probe requests to every green endpoint.</summary>
public sealed class HttpBatchProvider(HttpProbe probe, HttpBatchSource source, IReadOnlyList<Uri> endpoints) : IMetricProvider
{
    /// <inheritdoc />
    public async Task<double> FetchAsync(CancellationToken cancellationToken)
    {
        var batches = await Task.WhenAll(endpoints.Select(e =>
            probe.BatchAsync(new Uri(e, source.Path), source.Requests, source.Concurrency, cancellationToken)));
        var samples = batches.SelectMany(b => b).ToList();
        return source.Statistic switch
        {
            HttpStatistic.ErrorRate => Statistics.ErrorRate(samples),
            HttpStatistic.P95LatencyMs => Statistics.LatencyPercentileMs(samples, 0.95),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source.Statistic, "unknown statistic"),
        };
    }
}
