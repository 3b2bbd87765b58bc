namespace Toolkit.Migrations.RollingBack;

/// <summary>What rollback does with one file the plan changed.</summary>
public enum FileRollbackAction
{
    /// <summary>The file is already as the backup holds it (an interrupted apply never wrote it); nothing to do.</summary>
    Unchanged,
    /// <summary>The file is as the apply left it: it gets the backup's content back.</summary>
    Restore,
    /// <summary>The apply added the file and nobody changed it since: it is deleted.</summary>
    Delete,
    /// <summary>The user changed the file after the apply, on other lines than the plan: the plan's change is undone and the user's edits are kept.</summary>
    Merge,
    /// <summary>The user changed the file after the apply where the plan did (or it cannot be merged): rollback refuses without <c>--force</c>.</summary>
    Conflict,
    /// <summary>A conflict overwritten with the backup because of <c>--force</c> (the user's version was saved first).</summary>
    Overwrite,
}

/// <summary>
/// The decision for one file (path relative to the app): its blob id when decided (<see cref="From"/>, null
/// when absent), the blob id it ends with (<see cref="To"/>, null for absent) and that mode, and why.
/// </summary>
public sealed record FileRollbackStep(string Path, FileRollbackAction Action, string? From, string? To, string? Mode, string Detail)
{
    /// <summary>True when the step writes or deletes the file.</summary>
    public bool Writes => Action is FileRollbackAction.Restore or FileRollbackAction.Delete or FileRollbackAction.Merge or FileRollbackAction.Overwrite;
}
