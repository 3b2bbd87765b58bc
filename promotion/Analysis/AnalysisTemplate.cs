namespace Toolkit.Promotion.Analysis;

/// <summary>
/// The metrics one step is analysed with (Argo's <c>AnalysisTemplate</c>), as data. Built from the
/// rollback thresholds by <see cref="ForThresholds"/>, or by hand (for example with a Prometheus metric).
/// </summary>
public sealed record AnalysisTemplate(IReadOnlyList<Metric> Metrics)
{
    /// <summary>Requests per endpoint in one HTTP measurement.</summary>
    public const int RequestsPerMeasurement = 20;

    /// <summary>Requests in flight at once per endpoint during an HTTP measurement.</summary>
    public const int RequestConcurrency = 4;

    /// <summary>
    /// The standard analysis: error rate and p95 latency of green from batches of GET <paramref name="probePath"/>,
    /// and failed health checks on <paramref name="healthPath"/>. Each HTTP metric is measured up to 5 times
    /// spread over the bake and fails on the first bad batch; health checks are spread over the bake, at
    /// least one more than <paramref name="maxFailedHealthChecks"/> so the limit can be crossed.
    /// </summary>
    public static AnalysisTemplate ForThresholds(
        double maxErrorRate, int maxP95Ms, int maxFailedHealthChecks, TimeSpan bake, string healthPath, string probePath = "/")
    {
        var httpCount = (int)Math.Clamp(bake / TimeSpan.FromMilliseconds(250), 1, 5);
        var healthCount = Math.Max(maxFailedHealthChecks + 1, (int)Math.Clamp(bake / TimeSpan.FromSeconds(1), 1, 12));
        return new AnalysisTemplate(
        [
            new Metric
            {
                Name = "error-rate",
                Source = new MetricSource { Http = new HttpBatchSource(probePath, RequestsPerMeasurement, RequestConcurrency, HttpStatistic.ErrorRate) },
                Interval = bake / httpCount,
                Count = httpCount,
                SuccessCondition = new Condition(Comparison.LessThanOrEqual, maxErrorRate),
            },
            new Metric
            {
                Name = "p95-latency-ms",
                Source = new MetricSource { Http = new HttpBatchSource(probePath, RequestsPerMeasurement, RequestConcurrency, HttpStatistic.P95LatencyMs) },
                Interval = bake / httpCount,
                Count = httpCount,
                SuccessCondition = new Condition(Comparison.LessThanOrEqual, maxP95Ms),
            },
            new Metric
            {
                Name = "failed-health-checks",
                Source = new MetricSource { HealthCheck = new HealthCheckSource(healthPath) },
                Interval = bake / healthCount,
                Count = healthCount,
                SuccessCondition = new Condition(Comparison.Equal, 0),
                FailureLimit = maxFailedHealthChecks,
            },
        ]);
    }

    /// <summary>
    /// A metric judged on an instant Prometheus query, measured like the HTTP metrics (up to 5 times over the
    /// bake) and failing on the first failed measurement.
    /// </summary>
    public static Metric PrometheusMetric(PrometheusSource source, Condition success, TimeSpan bake)
    {
        var count = (int)Math.Clamp(bake / TimeSpan.FromMilliseconds(250), 1, 5);
        return new Metric
        {
            Name = "prometheus",
            Source = new MetricSource { Prometheus = source },
            Interval = bake / count,
            Count = count,
            SuccessCondition = success,
        };
    }

    /// <summary>This template with <paramref name="metric"/> added last.</summary>
    public AnalysisTemplate With(Metric metric) => new([.. Metrics, metric]);
}
