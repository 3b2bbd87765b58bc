using System.Text;
using Toolkit.Migrations.Diffing;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Paths;
using Toolkit.Migrations.Planning;

namespace Toolkit.Migrations.RollingBack;

/// <summary>
/// Decides, changing nothing but the object database (merged blobs), what rollback does with each file the
/// plan changed, from three versions: the backup (before the apply), the applied content and the file now.
/// Files the plan did not change are never considered, so work done after the apply elsewhere is never touched.
/// </summary>
public static class FileRollbackPlanner
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>One step per file change of <paramref name="plan"/>, sorted by path.</summary>
    /// <param name="repository">The app's repository.</param>
    /// <param name="plan">The applied plan.</param>
    /// <param name="backupCommit">The backup commit.</param>
    /// <param name="appliedCommit">The commit holding the applied content, or null when the apply recorded none (then a file changed since the apply cannot be merged).</param>
    /// <param name="gate">The app's path gate.</param>
    /// <param name="force">Turn conflicts into <see cref="FileRollbackAction.Overwrite"/>.</param>
    public static IReadOnlyList<FileRollbackStep> Decide(GitRepository repository, MigrationPlan plan, string backupCommit, string? appliedCommit,
        AppPaths gate, bool force)
    {
        var prefix = plan.App.PathInRepository.Length == 0 ? "" : plan.App.PathInRepository.TrimEnd('/') + "/";
        var paths = plan.FileChanges.Select(c => prefix + c.Path).ToList();
        var backup = repository.ReadEntries(backupCommit, paths);
        var applied = appliedCommit is null ? null : repository.ReadEntries(appliedCommit, paths);
        var steps = new List<FileRollbackStep>();
        foreach (var change in plan.FileChanges.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            var step = Decide(repository, change, gate.Resolve(change.Path), backup.GetValueOrDefault(prefix + change.Path),
                applied is null ? null : new Applied(applied.GetValueOrDefault(prefix + change.Path)));
            if (force && step.Action == FileRollbackAction.Conflict)
                step = step with { Action = FileRollbackAction.Overwrite };
            steps.Add(step);
        }
        return steps;
    }

    // The applied side: known (the entry, null when the apply deleted the file) or, for an apply that recorded none, unknown.
    private sealed record Applied(GitTreeEntry? Entry);

    private static FileRollbackStep Decide(GitRepository repository, FileChange change, string full, GitTreeEntry? before, Applied? applied)
    {
        var now = GitTreeEntry.OfPath(full);
        FileRollbackStep Step(FileRollbackAction action, string detail) =>
            new(change.Path, action, now?.BlobId, before?.BlobId, before?.Mode, detail);

        if (now == before) return Step(FileRollbackAction.Unchanged, "already as before the apply");
        if (now is not null && before is not null && now.BlobId == before.BlobId) return Step(FileRollbackAction.Restore, "mode restored");

        var asApplied = applied is not null
            ? now?.BlobId == applied.Entry?.BlobId
            : FileContent.Hash(now is null ? null : FileContent.Read(full)) == change.AfterHash;
        if (asApplied)
            return before is null ? Step(FileRollbackAction.Delete, "added by the apply") : Step(FileRollbackAction.Restore, "as the apply left it");

        if (applied is null) return Step(FileRollbackAction.Conflict, "changed after the apply (this apply recorded no applied content to merge against)");
        if (now is null) return Step(FileRollbackAction.Conflict, "deleted after the apply");
        if (before is null) return Step(FileRollbackAction.Conflict, "added by the apply and edited after it");
        if (applied.Entry is null) return Step(FileRollbackAction.Conflict, "deleted by the apply and created again after it");
        if (before.Mode == "120000" || now.Mode == "120000" || applied.Entry.Mode == "120000")
            return Step(FileRollbackAction.Conflict, "a symbolic link changed after the apply");

        var mine = File.ReadAllBytes(full);
        var texts = new[] { repository.ReadBlob(applied.Entry.BlobId), mine, repository.ReadBlob(before.BlobId) }.Select(Text).ToArray();
        if (texts.Any(t => t is null)) return Step(FileRollbackAction.Conflict, "binary content changed after the apply");
        var merged = ThreeWayMerge.TryMerge(texts[0]!, ours: texts[1]!, theirs: texts[2]!);
        if (merged is null) return Step(FileRollbackAction.Conflict, "edited after the apply on lines the plan changed");
        var id = repository.WriteBlob(FileContent.Encode(merged, mine));
        return new FileRollbackStep(change.Path, FileRollbackAction.Merge, now.BlobId, id, now.Mode, "the plan's change undone, your later edits kept");
    }

    private static string? Text(byte[] bytes)
    {
        if (bytes.AsSpan().IndexOf((byte)0) >= 0) return null;
        try { StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
        return FileContent.Decode(bytes);
    }
}
