using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Reporting;

/// <summary>How a promotion run ended.</summary>
public enum PromotionOutcome
{
    /// <summary>Green serves 100 %.</summary>
    Promoted,
    /// <summary>A step failed analysis; traffic is back on blue.</summary>
    RolledBack,
    /// <summary>A step failed after a one-way migration; traffic left at the current weight for a person.</summary>
    Stopped,
    /// <summary><c>--abort</c>: traffic is back on blue.</summary>
    Aborted,
}

/// <summary>
/// What a promotion run did, for people and machines (the <c>--json</c> report, JUnit, the job summary):
/// the steps analysed with each metric's verdict, and for a failure which metric failed at which step.
/// No timestamps, so the same run gives the same report.
/// </summary>
public sealed record PromotionReport
{
    /// <summary>Stack promoted.</summary>
    public required string Stack { get; init; }

    /// <summary>Target (<c>local</c>, <c>pulumi</c>).</summary>
    public required string Target { get; init; }

    /// <summary>How it ended.</summary>
    public required PromotionOutcome Outcome { get; init; }

    /// <summary>The plan's steps, percent to green.</summary>
    public required IReadOnlyList<int> Steps { get; init; }

    /// <summary>Percent to green when the run ended.</summary>
    public required int GreenPercent { get; init; }

    /// <summary>One sentence on how it ended, naming the failed metric and step when there is one.</summary>
    public required string Message { get; init; }

    /// <summary>The steps analysed in this run, in order.</summary>
    public IReadOnlyList<StepReport> StepsAnalysed { get; init; } = [];

    /// <summary>1-based step the run resumed at, when it continued a killed or stopped run.</summary>
    public int? ResumedAtStep { get; init; }

    /// <summary>The metric that failed the promotion, if any.</summary>
    public string? FailedMetric { get; init; }

    /// <summary>1-based step whose analysis failed, if any.</summary>
    public int? FailedStep { get; init; }

    /// <summary>Green percentage of the failed step, if any.</summary>
    public int? FailedStepPercent { get; init; }

    /// <summary>True when the release applied a one-way migration.</summary>
    public bool OneWayRelease { get; init; }

    /// <summary>Seconds blue is kept after promotion.</summary>
    public int ScaleDownDelaySeconds { get; init; }
}

/// <summary>One analysed step: its weight, verdict and metrics.</summary>
public sealed record StepReport(int Step, int GreenPercent, AnalysisPhase Phase, IReadOnlyList<MetricReport> Metrics);

/// <summary>One metric's verdict at a step, with the values that decided it.</summary>
public sealed record MetricReport(
    string Name, AnalysisPhase Phase, string Condition, int Measured, int Failed, int Inconclusive, int Errors,
    double? LastValue, double? WorstValue, string? Message)
{
    /// <summary>
    /// What the worst measurement (the last failed one, else the last) was made of: request counts with HTTP 5xx and
    /// connection errors apart, then a few failed (or, for a latency, the slowest) requests with status or error and latency.
    /// </summary>
    public IReadOnlyList<string> Samples { get; init; } = [];

    /// <summary>Builds the report of <paramref name="result"/>; "worst" is the value of the last failed measurement, else the last.</summary>
    public static MetricReport From(MetricResult result)
    {
        var last = result.Measurements.LastOrDefault();
        var failed = result.Measurements.LastOrDefault(m => m.Phase is AnalysisPhase.Failed);
        var error = result.Measurements.LastOrDefault(m => m.Phase is AnalysisPhase.Error);
        var metric = result.Metric;
        var condition = metric.SuccessCondition?.ToString() ?? (metric.FailureCondition is { } f ? $"not ({f})" : "any");
        return new MetricReport(metric.Name, result.Phase, condition, result.Assessment.Measured, result.Assessment.Failed,
            result.Assessment.Inconclusive, result.Measurements.Count(m => m.Phase == AnalysisPhase.Error),
            Finite(last?.Value), Finite((failed ?? last)?.Value), error?.Message)
        {
            Samples = (failed ?? last)?.Samples ?? [],
        };
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
