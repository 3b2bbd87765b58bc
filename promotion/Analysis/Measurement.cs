namespace Toolkit.Promotion.Analysis;

/// <summary>
/// One measurement of a metric: its phase, the value fetched (null when fetching failed) and a short
/// message (the fetch error, or what the value means).
/// </summary>
public sealed record Measurement(AnalysisPhase Phase, double? Value, string? Message = null);
