namespace Toolkit.Migrations.Journal;

/// <summary>Where an apply or rollback of one plan stands; written before each step so a killed process can be rolled back.</summary>
public enum MigrationPhase
{
    /// <summary>Recording the backup ref.</summary>
    BackingUp,
    /// <summary>Writing file changes (see <see cref="MigrationState.FilesWritten"/>).</summary>
    WritingFiles,
    /// <summary>Running database up scripts.</summary>
    RunningScripts,
    /// <summary>Copying data into the target database.</summary>
    CopyingData,
    /// <summary>Building (and testing) the app.</summary>
    Validating,
    /// <summary>Applied and validated.</summary>
    Applied,
    /// <summary>Putting everything back.</summary>
    RollingBack,
    /// <summary>Rolled back and verified.</summary>
    RolledBack,
}

/// <summary>The journal entry of one plan in one repository (stored under <c>.git/toolkit/migrations/</c>).</summary>
public sealed record MigrationState(
    string PlanId,
    IReadOnlyList<string> Swaps,
    string PathInRepository,
    string BackupRef,
    string? BackupCommit,
    MigrationPhase Phase,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<string> ScriptsApplied,
    string? Message)
{
    /// <summary>True once a data copy into the target database may have started (rollback empties the target again).</summary>
    public bool DataCopyStarted { get; init; }

    /// <summary>The commit holding the content the apply writes (<c>refs/toolkit/applied/&lt;plan-id&gt;</c>), recorded before the first file; null before that.</summary>
    public string? AppliedCommit { get; init; }

    /// <summary>
    /// What the rollback decided for each file, recorded before it writes the first one, so a rollback killed
    /// half way and run again finishes the same decisions (merges included) instead of deciding anew; null
    /// until a rollback decided.
    /// </summary>
    public IReadOnlyList<RollingBack.FileRollbackStep>? RollbackFiles { get; init; }
}

/// <summary>One line of <c>.git/toolkit/history.jsonl</c>: what happened to which plan, when.</summary>
public sealed record HistoryEntry(string Time, string PlanId, string Action, string Outcome, string Detail);
