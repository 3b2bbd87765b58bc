using Toolkit.Core.Diagnostics;
using Toolkit.Database.Journal;

namespace Toolkit.Database;

/// <summary>Why a run stopped.</summary>
public enum ScriptFailure
{
    /// <summary>It did not.</summary>
    None,
    /// <summary>The scripts themselves are wrong (names, pairs, versions, an unknown target version).</summary>
    InvalidScripts,
    /// <summary>An applied script's file changed since it ran.</summary>
    ChangedScript,
    /// <summary>A blocking lint rule fired and destructive changes were not allowed.</summary>
    LintBlocked,
    /// <summary>Rolling back would pass a script that has no down script.</summary>
    OneWay,
    /// <summary>The run cannot be done as configured (for example a CONCURRENTLY script in a single-transaction run).</summary>
    NotRunnable,
    /// <summary>A script failed in the database.</summary>
    ScriptFailed,
    /// <summary>The database could not be reached.</summary>
    Connection,
    /// <summary>The run was cancelled (between scripts, or a running statement was cancelled on the server).</summary>
    Cancelled,
    /// <summary>Another tool's journal (DbUp, Flyway) is there and ours is not: run <c>db adopt</c> first.</summary>
    ForeignJournal,
}

/// <summary>A script that ran (or, in a dry run, would run).</summary>
public sealed record ExecutedScript(string Name, string Checksum, bool OneWay, ScriptDirection Direction, TimeSpan Duration);

/// <summary>
/// What a migrate or rollback did: the scripts run, and when it failed, why, which script and the error.
/// The engine returns this instead of throwing, like DbUp's <c>DatabaseUpgradeResult</c>.
/// </summary>
public sealed record ScriptRunResult
{
    /// <summary>Scripts committed by this run, in the order they ran.</summary>
    public required IReadOnlyList<ExecutedScript> Executed { get; init; }

    /// <summary>Why it stopped, or <see cref="ScriptFailure.None"/>.</summary>
    public ScriptFailure Failure { get; init; }

    /// <summary>Error message, or null.</summary>
    public string? Error { get; init; }

    /// <summary>The script that failed or caused the refusal, or null.</summary>
    public string? FailingScript { get; init; }

    /// <summary>Located findings (lint, script files) behind the result.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Rollbacks: applied repeatable scripts left in place (a rollback undoes only versioned scripts with down scripts).</summary>
    public IReadOnlyList<string> KeptRepeatable { get; init; } = [];

    /// <summary>True when the run finished without failure.</summary>
    public bool Successful => Failure == ScriptFailure.None;

    /// <summary>A failed result.</summary>
    public static ScriptRunResult Failed(ScriptFailure failure, string error, string? script = null, IReadOnlyList<ExecutedScript>? executed = null, IReadOnlyList<Diagnostic>? diagnostics = null) =>
        new() { Executed = executed ?? [], Failure = failure, Error = error, FailingScript = script, Diagnostics = diagnostics ?? [] };
}
