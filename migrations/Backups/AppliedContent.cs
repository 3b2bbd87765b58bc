using Toolkit.Migrations.Git;

namespace Toolkit.Migrations.Backups;

/// <summary>
/// The content an apply wrote, recorded before the first file is written as a commit on top of the backup
/// (<c>refs/toolkit/applied/&lt;plan-id&gt;</c>): the merge base when rollback finds a file the user changed
/// again after the apply, and how it tells "as applied" from "edited since".
/// </summary>
public static class AppliedContent
{
    /// <summary>The ref the applied content of a plan is stored under.</summary>
    public static string RefFor(string planId) => $"refs/toolkit/applied/{planId}";

    /// <summary>
    /// Records the backup's tree with <paramref name="files"/> (paths relative to the app; null content deletes)
    /// changed as the apply will change them; returns the commit id.
    /// </summary>
    public static string Record(GitRepository repository, string planId, string backupCommit, string pathInRepository,
        IEnumerable<(string Path, byte[]? Content)> files)
    {
        var prefix = pathInRepository.Length == 0 ? "" : pathInRepository.TrimEnd('/') + "/";
        var list = files.ToList();
        var before = repository.ReadEntries(backupCommit, list.Select(f => prefix + f.Path));
        // The apply keeps a file's mode, and writes new files as 100644.
        var changes = list.Select(f => new KeyValuePair<string, GitTreeEntry?>(prefix + f.Path, f.Content is null ? null
            : new GitTreeEntry(before.TryGetValue(prefix + f.Path, out var old) && old.Mode != "120000" ? old.Mode : "100644", repository.WriteBlob(f.Content))));
        var commit = repository.CommitChanges(backupCommit, changes, backupCommit, $"toolkit: content applied by {planId}");
        repository.UpdateRef(RefFor(planId), commit);
        return commit;
    }
}
