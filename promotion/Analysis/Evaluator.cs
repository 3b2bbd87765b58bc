namespace Toolkit.Promotion.Analysis;

/// <summary>
/// The pure verdict on one value (Argo's <c>EvaluateResult</c>): a fetched value plus the metric's
/// success and failure conditions give a phase. No I/O, no clock.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Phase of <paramref name="value"/>: null (not fetched) is <see cref="AnalysisPhase.Error"/>, NaN (no data)
    /// is <see cref="AnalysisPhase.Inconclusive"/>; with no condition any value is successful; a missing
    /// condition is the negation of the other; a met failure condition wins; neither met is inconclusive.
    /// </summary>
    public static AnalysisPhase Evaluate(double? value, Condition? success, Condition? failure)
    {
        if (value is not { } v) return AnalysisPhase.Error;
        if (double.IsNaN(v)) return AnalysisPhase.Inconclusive;
        if (success is null && failure is null) return AnalysisPhase.Successful;

        var succeeded = success?.IsMetBy(v) ?? !failure!.IsMetBy(v);
        var failed = failure?.IsMetBy(v) ?? !succeeded;
        if (failed) return AnalysisPhase.Failed;
        return succeeded ? AnalysisPhase.Successful : AnalysisPhase.Inconclusive;
    }

    /// <summary>Evaluates <paramref name="value"/> against <paramref name="metric"/>'s conditions.</summary>
    public static AnalysisPhase Evaluate(double? value, Metric metric) =>
        Evaluate(value, metric.SuccessCondition, metric.FailureCondition);
}
