namespace Toolkit.Promotion.Analysis;

/// <summary>A metric's measurements and the verdict on them.</summary>
public sealed record MetricResult(Metric Metric, MetricAssessment Assessment, IReadOnlyList<Measurement> Measurements)
{
    /// <summary>The metric's phase.</summary>
    public AnalysisPhase Phase => Assessment.Phase;
}

/// <summary>The verdict on a whole analysis: the combined phase and each metric's result, in template order.</summary>
public sealed record AnalysisResult(AnalysisPhase Phase, IReadOnlyList<MetricResult> Metrics)
{
    /// <summary>The first metric that did not succeed, or null when the analysis passed.</summary>
    public MetricResult? FirstUnsuccessful =>
        Metrics.FirstOrDefault(m => m.Phase == Phase && Phase != AnalysisPhase.Successful)
        ?? Metrics.FirstOrDefault(m => m.Phase is not AnalysisPhase.Successful);
}

/// <summary>One measurement just taken, with the metric's assessment after it (for live reporting).</summary>
public sealed record MeasurementTaken(Metric Metric, Measurement Measurement, MetricAssessment Assessment);
