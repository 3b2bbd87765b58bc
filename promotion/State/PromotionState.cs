namespace Toolkit.Promotion.State;

/// <summary>Where a promotion stands.</summary>
public enum PromotionStatus
{
    /// <summary>Shifting or analysing; a killed job resumes from here.</summary>
    InProgress,
    /// <summary>Green serves 100 %; blue is kept until <see cref="PromotionState.BlueRetainedUntil"/>.</summary>
    Promoted,
    /// <summary>Analysis failed; blue serves 100 %.</summary>
    RolledBack,
    /// <summary>Analysis failed after a one-way migration; traffic left where it was for a person to decide.</summary>
    Stopped,
    /// <summary>Aborted by <c>--abort</c>; blue serves 100 %.</summary>
    Aborted,
}

/// <summary>
/// The persisted promotion of one stack: plan identity (target, steps), the step in effect, the
/// status and how many runs worked on it. Saved beside the stack config after every change.
/// </summary>
public sealed record PromotionState
{
    /// <summary>File format version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Stack being promoted.</summary>
    public required string Stack { get; init; }

    /// <summary>Target (<c>local</c> or <c>pulumi</c>).</summary>
    public required string Target { get; init; }

    /// <summary>The steps of this promotion, percent to green.</summary>
    public required IReadOnlyList<int> Steps { get; init; }

    /// <summary>Index into <see cref="Steps"/> of the step in effect.</summary>
    public required int StepIndex { get; init; }

    /// <summary>Percent of traffic green receives now.</summary>
    public required int GreenPercent { get; init; }

    /// <summary>Status.</summary>
    public required PromotionStatus Status { get; init; }

    /// <summary>How many <c>toolkit promote</c> runs worked on this promotion (2 or more after a resume).</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Why it ended (failed metric and step, or the stop message).</summary>
    public string? Message { get; init; }

    /// <summary>When promoted: blue may be scaled down after this moment (UTC).</summary>
    public DateTimeOffset? BlueRetainedUntil { get; init; }

    /// <summary>True when <paramref name="steps"/> and <paramref name="target"/> describe this same promotion.</summary>
    public bool Matches(IReadOnlyList<int> steps, string target) => Target == target && Steps.SequenceEqual(steps);
}
