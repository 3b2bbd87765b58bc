using System.Text;
using Toolkit.Migrations.Git;

namespace Toolkit.Migrations.Backups;

/// <summary>
/// Records the whole working tree, untracked files included (ignored files are not), as a commit under
/// <c>refs/toolkit/backups/&lt;plan-id&gt;</c> without touching HEAD, the index or the stash: each file is
/// stored byte for byte (no filters) as a blob, and the tree, commit and ref are written through libgit2,
/// in process (no process per file).
/// </summary>
public static class WorkingTreeBackup
{
    /// <summary>The ref a plan's backup is stored under.</summary>
    public static string RefFor(string planId) => $"refs/toolkit/backups/{planId}";

    /// <summary>Creates the backup commit (its parent is HEAD, when there is one) and ref; returns the commit id.</summary>
    public static async Task<string> CreateAsync(GitRepository repository, string planId, CancellationToken cancellationToken = default)
    {
        var entries = new SortedDictionary<string, GitTreeEntry>(StringComparer.Ordinal);
        foreach (var path in await repository.ListFilesAsync("", cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var full = Path.Combine(repository.TopLevel, path);
            var info = new FileInfo(full);
            if (info.LinkTarget is not null) entries[path] = new GitTreeEntry("120000", repository.WriteBlob(Encoding.UTF8.GetBytes(info.LinkTarget)));
            else if (info.Exists) entries[path] = new GitTreeEntry(GitFileMode.Of(full), repository.WriteBlob(await File.ReadAllBytesAsync(full, cancellationToken)));
            // Tracked but deleted in the working tree: absent from the backup, as it is absent now.
        }
        var commit = repository.CommitTree(entries, repository.Resolve("HEAD"), $"toolkit backup before {planId}");
        repository.UpdateRef(RefFor(planId), commit);
        return commit;
    }

    /// <summary>The backup's entries below <paramref name="pathInRepository"/>: path (relative to the top level) to mode and blob id.</summary>
    public static Task<IReadOnlyDictionary<string, GitTreeEntry>> ReadAsync(GitRepository repository, string reference,
        string pathInRepository, CancellationToken cancellationToken = default) =>
        Task.FromResult(repository.ReadTree(reference, pathInRepository));
}
