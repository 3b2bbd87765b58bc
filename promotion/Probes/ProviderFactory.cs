using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Probes;

/// <summary>The one place a metric's source becomes a provider (Argo's provider factory).</summary>
public static class ProviderFactory
{
    /// <summary>A provider for <paramref name="metric"/> that probes <paramref name="greenEndpoints"/>.</summary>
    public static IMetricProvider Create(Metric metric, IReadOnlyList<Uri> greenEndpoints, HttpClient client, TimeSpan requestTimeout)
    {
        var probe = new HttpProbe(client, requestTimeout);
        var source = metric.Source;
        if (source.Http is { } http) return new HttpBatchProvider(probe, http, greenEndpoints);
        if (source.HealthCheck is { } health) return new HealthCheckProvider(probe, health, greenEndpoints);
        if (source.Prometheus is { } prometheus) return new PrometheusProvider(client, prometheus);
        throw new ArgumentException($"metric '{metric.Name}' has no source.", nameof(metric));
    }
}
