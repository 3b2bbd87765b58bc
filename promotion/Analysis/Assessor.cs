namespace Toolkit.Promotion.Analysis;

/// <summary>
/// The pure verdict on a metric (Argo's <c>assessMetricStatus</c>): its measurements so far plus its
/// limits and count give the metric's phase. Limits are checked before the count, so a metric
/// that is out of its failure limit fails even if it has taken all its measurements.
/// </summary>
public static class Assessor
{
    /// <summary>The phase of a metric given the measurements taken so far.</summary>
    public static MetricAssessment Assess(Metric metric, IReadOnlyList<Measurement> measurements)
    {
        var failed = measurements.Count(m => m.Phase == AnalysisPhase.Failed);
        var inconclusive = measurements.Count(m => m.Phase == AnalysisPhase.Inconclusive);
        var consecutiveErrors = 0;
        for (var i = measurements.Count - 1; i >= 0 && measurements[i].Phase == AnalysisPhase.Error; i--) consecutiveErrors++;

        var phase = measurements.Count == 0 ? AnalysisPhase.Pending
            : Exceeds(failed, metric.FailureLimit) ? AnalysisPhase.Failed
            : Exceeds(inconclusive, metric.InconclusiveLimit) ? AnalysisPhase.Inconclusive
            : Exceeds(consecutiveErrors, metric.ConsecutiveErrorLimit) ? AnalysisPhase.Error
            : measurements.Count >= metric.Count ? AnalysisPhase.Successful
            : AnalysisPhase.Running;
        return new MetricAssessment(metric.Name, phase, measurements.Count, failed, inconclusive, consecutiveErrors);
    }

    /// <summary>
    /// The phase of a whole analysis from its metrics' phases: the worst wins
    /// (failed, then error, then inconclusive); successful only when every metric is.
    /// </summary>
    public static AnalysisPhase Combine(IEnumerable<AnalysisPhase> metricPhases)
    {
        var phases = metricPhases.ToList();
        if (phases.Contains(AnalysisPhase.Failed)) return AnalysisPhase.Failed;
        if (phases.Contains(AnalysisPhase.Error)) return AnalysisPhase.Error;
        if (phases.Contains(AnalysisPhase.Inconclusive)) return AnalysisPhase.Inconclusive;
        if (phases.Count > 0 && phases.All(p => p == AnalysisPhase.Successful)) return AnalysisPhase.Successful;
        return phases.Count == 0 || phases.All(p => p == AnalysisPhase.Pending) ? AnalysisPhase.Pending : AnalysisPhase.Running;
    }

    /// <summary>True once a phase is final: the metric needs no more measurements.</summary>
    public static bool IsCompleted(AnalysisPhase phase) =>
        phase is AnalysisPhase.Successful or AnalysisPhase.Failed or AnalysisPhase.Inconclusive or AnalysisPhase.Error;

    private static bool Exceeds(int count, int limit) => limit >= 0 && count > limit;
}

/// <summary>A metric's phase with the counts it was decided from.</summary>
public sealed record MetricAssessment(string Metric, AnalysisPhase Phase, int Measured, int Failed, int Inconclusive, int ConsecutiveErrors);
