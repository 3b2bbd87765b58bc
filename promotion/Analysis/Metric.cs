namespace Toolkit.Promotion.Analysis;

/// <summary>
/// One thing to measure during a step's bake, as data (Argo's <c>Metric</c>): where the value comes
/// from, how often and how many times to measure it, what counts as success or failure, and how many
/// failed or inconclusive measurements are tolerated. A negative limit means unlimited.
/// </summary>
public sealed record Metric
{
    /// <summary>Stable name, shown in reports (<c>error-rate</c>, <c>p95-latency-ms</c>...).</summary>
    public required string Name { get; init; }

    /// <summary>Where the value is fetched from.</summary>
    public required MetricSource Source { get; init; }

    /// <summary>Time between two measurements.</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>Measurements to take; the metric is successful once this many are taken within the limits.</summary>
    public required int Count { get; init; }

    /// <summary>When a value is good; null leaves it to <see cref="FailureCondition"/>.</summary>
    public Condition? SuccessCondition { get; init; }

    /// <summary>When a value is bad; null means "whenever the success condition is not met".</summary>
    public Condition? FailureCondition { get; init; }

    /// <summary>Failed measurements tolerated; one more fails the metric.</summary>
    public int FailureLimit { get; init; }

    /// <summary>Inconclusive measurements tolerated; one more makes the metric inconclusive.</summary>
    public int InconclusiveLimit { get; init; }

    /// <summary>Consecutive fetch errors tolerated; one more makes the metric an error.</summary>
    public int ConsecutiveErrorLimit { get; init; } = 4;
}

/// <summary>What an HTTP batch is reduced to.</summary>
public enum HttpStatistic
{
    /// <summary>Share of requests answered 5xx or not answered at all (0..1).</summary>
    ErrorRate,
    /// <summary>95th percentile of the response time, in milliseconds.</summary>
    P95LatencyMs,
}

/// <summary>
/// Where a metric's value comes from: exactly one block is set (Argo's <c>MetricProvider</c>).
/// The endpoints themselves (green's addresses) are resolved at run time by the target.
/// </summary>
public sealed record MetricSource
{
    /// <summary>A batch of GET requests to each green endpoint, reduced to one statistic.</summary>
    public HttpBatchSource? Http { get; init; }

    /// <summary>One health check of each green endpoint; the value is how many failed.</summary>
    public HealthCheckSource? HealthCheck { get; init; }

    /// <summary>An instant Prometheus query whose scalar result is the value.</summary>
    public PrometheusSource? Prometheus { get; init; }
}

/// <summary>GET <see cref="Path"/> <see cref="Requests"/> times per endpoint, <see cref="Concurrency"/> at a time.</summary>
public sealed record HttpBatchSource(string Path, int Requests, int Concurrency, HttpStatistic Statistic);

/// <summary>GET <see cref="Path"/> once per endpoint; anything but 2xx within the timeout is a failed check.</summary>
public sealed record HealthCheckSource(string Path);

/// <summary>Instant query <see cref="Query"/> against the Prometheus server at <see cref="Address"/>.</summary>
public sealed record PrometheusSource(Uri Address, string Query);
