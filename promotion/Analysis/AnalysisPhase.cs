namespace Toolkit.Promotion.Analysis;

/// <summary>Where a measurement, a metric or a whole analysis stands (Argo Rollouts' phases).</summary>
public enum AnalysisPhase
{
    /// <summary>Nothing measured yet.</summary>
    Pending,
    /// <summary>Measuring; no verdict yet.</summary>
    Running,
    /// <summary>The success condition held.</summary>
    Successful,
    /// <summary>The failure condition held (or the success condition did not).</summary>
    Failed,
    /// <summary>Neither condition decided (for example no samples were taken).</summary>
    Inconclusive,
    /// <summary>The value could not be fetched.</summary>
    Error,
}
