using Toolkit.Migrations.Git;

namespace Toolkit.Migrations.Backups;

/// <summary>
/// Before <c>rollback --force</c> overwrites files the user changed after the apply, their versions are kept
/// beside the backup ref, at <c>refs/toolkit/backups/&lt;plan-id&gt;-overwritten</c>: a commit holding those
/// files (a later forced rollback adds a child commit, so nothing saved earlier is lost).
/// Get one back with <c>git show REF:PATH</c>.
/// </summary>
public static class OverwrittenFiles
{
    /// <summary>The ref the overwritten versions of a plan's files are kept under.</summary>
    public static string RefFor(string planId) => WorkingTreeBackup.RefFor(planId) + "-overwritten";

    /// <summary>
    /// Saves the current content of <paramref name="paths"/> (relative to the top level; an absent file is
    /// recorded as absent) and returns the ref.
    /// </summary>
    public static string Save(GitRepository repository, string planId, IEnumerable<string> paths)
    {
        var name = RefFor(planId);
        var previous = repository.Resolve(name);
        var changes = new List<KeyValuePair<string, GitTreeEntry?>>();
        foreach (var path in paths)
        {
            var full = Path.Combine(repository.TopLevel, path);
            var info = new FileInfo(full);
            GitTreeEntry? entry = info.LinkTarget is not null ? new GitTreeEntry("120000", repository.WriteBlob(System.Text.Encoding.UTF8.GetBytes(info.LinkTarget)))
                : info.Exists ? new GitTreeEntry(GitFileMode.Of(full), repository.WriteBlob(File.ReadAllBytes(full)))
                : null;
            changes.Add(new(path, entry));
        }
        repository.UpdateRef(name, repository.CommitChanges(previous, changes, previous, $"toolkit: your versions, overwritten by a forced rollback of {planId}"));
        return name;
    }
}
