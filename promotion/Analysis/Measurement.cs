namespace Toolkit.Promotion.Analysis;

/// <summary>
/// One measurement of a metric: its phase, the value fetched (null when fetching failed) and a short
/// message (the fetch error, or what the value means).
/// </summary>
public sealed record Measurement(AnalysisPhase Phase, double? Value, string? Message = null)
{
    /// <summary>What stood behind the value (request counts, a few failed or slowest requests), from the provider.</summary>
    public IReadOnlyList<string> Samples { get; init; } = [];
}
