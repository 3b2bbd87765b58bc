using Toolkit.Core.Diagnostics;
using Toolkit.Database.Journal;

namespace Toolkit.Database;

/// <summary>One step of a plan: which script, which way, and whether it can be undone.</summary>
public sealed record PlanStep(string Name, string Version, string Checksum, ScriptDirection Direction, bool OneWay, bool OutsideTransaction);

/// <summary>
/// What a migrate or rollback would do, computed without changing anything. When <see cref="Refusal"/>
/// is set the run would be refused for that reason (the steps are still listed).
/// </summary>
public sealed record ScriptPlan(
    ScriptDirection Direction,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<Diagnostic> Diagnostics,
    ScriptFailure Refusal,
    string? RefusalMessage,
    string? RefusedScript)
{
    /// <summary>True when any step is one-way (an up step that no down script can undo).</summary>
    public bool ContainsOneWay => Steps.Any(s => s.OneWay);

    /// <summary>
    /// Rollback plans: applied repeatable scripts (Flyway's <c>R__</c>) it leaves in place, since a rollback undoes
    /// only versioned scripts with down scripts. Empty for up plans.
    /// </summary>
    public IReadOnlyList<string> KeptRepeatable { get; init; } = [];
}

/// <summary>The state of a database against the scripts.</summary>
public sealed record JournalStatus(
    IReadOnlyList<AppliedScript> Applied,
    IReadOnlyList<string> Pending,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Missing);

/// <summary>A script whose latest journal row is an up row.</summary>
public sealed record AppliedScript(string Name, string Checksum, DateTimeOffset AppliedAt, TimeSpan Duration);
