using Toolkit.Promotion.Analysis;
using Toolkit.Core.Releases;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Promotion.Engine;

/// <summary>
/// The raw inputs of <c>toolkit promote</c>, as typed: everything optional except the config and the
/// stack; what is not given comes from the deployment section of toolkit.yaml.
/// </summary>
public sealed record PromotionRequest
{
    /// <summary>Path of toolkit.yaml.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>Stack to promote.</summary>
    public required string Stack { get; init; }

    /// <summary>Steps as typed, for example <c>1,10,50,100</c>.</summary>
    public string? Steps { get; init; }

    /// <summary>Bake per step as typed, for example <c>60s</c>.</summary>
    public string? Bake { get; init; }

    /// <summary>Highest tolerated error rate (0..1).</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>Highest tolerated p95 latency in milliseconds.</summary>
    public int? MaxP95Ms { get; init; }

    /// <summary>Failed health checks tolerated per step.</summary>
    public int? MaxFailedHealthChecks { get; init; }

    /// <summary><c>local</c> or <c>pulumi</c>.</summary>
    public string? Target { get; init; }

    /// <summary>How long blue is kept after promotion, as typed (<c>10m</c>).</summary>
    public string? ScaleDownDelay { get; init; }

    /// <summary>Release manifest path; default <c>.toolkit/release.json</c> beside the config when it exists.</summary>
    public string? ReleaseManifest { get; init; }

    /// <summary>Prometheus server for an extra metric (with <see cref="PrometheusQuery"/> and <see cref="PrometheusSuccess"/>).</summary>
    public string? PrometheusUrl { get; init; }

    /// <summary>Instant PromQL query whose value is judged each measurement.</summary>
    public string? PrometheusQuery { get; init; }

    /// <summary>Success condition of the Prometheus value, for example <c>result &lt; 0.05</c>.</summary>
    public string? PrometheusSuccess { get; init; }
}

/// <summary>A checked promotion: everything the engine needs, defaults resolved.</summary>
public sealed record PromotionPlan
{
    /// <summary>Full path of toolkit.yaml.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>Stack being promoted.</summary>
    public required string Stack { get; init; }

    /// <summary><c>local</c> or <c>pulumi</c>.</summary>
    public required string Target { get; init; }

    /// <summary>Percent to green per step, increasing, ending at 100.</summary>
    public required IReadOnlyList<int> Steps { get; init; }

    /// <summary>Analysis time per step.</summary>
    public required TimeSpan Bake { get; init; }

    /// <summary>Thresholds that fail a step.</summary>
    public required RollbackTriggers Thresholds { get; init; }

    /// <summary>How long blue is kept after promotion.</summary>
    public required TimeSpan ScaleDownDelay { get; init; }

    /// <summary>Health check path on green.</summary>
    public required string HealthPath { get; init; }

    /// <summary>Timeout of one probe request.</summary>
    public required TimeSpan RequestTimeout { get; init; }

    /// <summary>The nginx side of the local target; null for pulumi.</summary>
    public LocalTrafficConfig? Local { get; init; }

    /// <summary>An extra Prometheus metric (source and success condition), or null.</summary>
    public (PrometheusSource Source, Condition Success)? Prometheus { get; init; }

    /// <summary>What the release's migration did, when a manifest was found.</summary>
    public ReleaseManifest? Release { get; init; }

    /// <summary>Directory toolkit.yaml lives in (state, nginx prefix and release manifest live below it).</summary>
    public string ConfigDirectory => Path.GetDirectoryName(ConfigPath)!;

    /// <summary>The analysis each step runs.</summary>
    public AnalysisTemplate Analysis
    {
        get
        {
            var template = AnalysisTemplate.ForThresholds(Thresholds.MaxErrorRate, Thresholds.MaxP95LatencyMs, Thresholds.MaxFailedHealthChecks, Bake, HealthPath);
            return Prometheus is { } p ? template.With(AnalysisTemplate.PrometheusMetric(p.Source, p.Success, Bake)) : template;
        }
    }
}
