using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Probes;

/// <summary>Checks the health path of every green endpoint once; the value is how many checks failed (not 2xx).</summary>
public sealed class HealthCheckProvider(HttpProbe probe, HealthCheckSource source, IReadOnlyList<Uri> endpoints) : IMetricProvider
{
    /// <inheritdoc />
    public IReadOnlyList<string> LastSamples { get; private set; } = [];

    /// <inheritdoc />
    public async Task<double> FetchAsync(CancellationToken cancellationToken)
    {
        var samples = await Task.WhenAll(endpoints.Select(e => probe.SendAsync(new Uri(e, source.Path), cancellationToken)));
        LastSamples = samples.Where(s => !s.IsSuccess).Take(HttpBatchProvider.SampleCount).Select(s => $"{source.Path}: {s}").ToList();
        return samples.Count(s => !s.IsSuccess);
    }
}
