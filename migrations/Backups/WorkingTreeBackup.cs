using Toolkit.Migrations.Git;

namespace Toolkit.Migrations.Backups;

/// <summary>
/// Records the whole working tree, untracked files included (ignored files are not), as a commit under
/// <c>refs/toolkit/backups/&lt;plan-id&gt;</c> without touching HEAD, the index or the stash: files are hashed
/// byte for byte (<c>hash-object --no-filters</c>) into a throw-away index (<c>GIT_INDEX_FILE</c>), then
/// <c>write-tree</c>, <c>commit-tree</c> and <c>update-ref</c>.
/// </summary>
public static class WorkingTreeBackup
{
    /// <summary>The ref a plan's backup is stored under.</summary>
    public static string RefFor(string planId) => $"refs/toolkit/backups/{planId}";

    /// <summary>Creates the backup commit and ref; returns the commit id.</summary>
    public static async Task<string> CreateAsync(GitRepository repository, string planId, CancellationToken cancellationToken = default)
    {
        var files = await repository.ListFilesAsync("", cancellationToken);
        var entries = new List<string>();
        var regular = new List<string>();
        foreach (var path in files)
        {
            var full = Path.Combine(repository.TopLevel, path);
            var info = new FileInfo(full);
            if (info.LinkTarget is not null)
            {
                var id = (await repository.RunAsync(null, info.LinkTarget, cancellationToken, "hash-object", "-w", "--no-filters", "--stdin")).StandardOutput.Trim();
                entries.Add($"120000 {id}\t{path}");
            }
            else if (info.Exists) regular.Add(path);
            // Tracked but deleted in the working tree: absent from the backup, as it is absent now.
        }
        if (regular.Count > 0)
        {
            var ids = (await repository.RunAsync(null, string.Join('\n', regular) + "\n", cancellationToken,
                "hash-object", "-w", "--no-filters", "--stdin-paths")).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < regular.Count; i++)
            {
                entries.Add($"{GitFileMode.Of(Path.Combine(repository.TopLevel, regular[i]))} {ids[i]}\t{regular[i]}");
            }
        }

        var index = Path.Combine(repository.GitDirectory, $"toolkit-backup-index-{Guid.NewGuid():N}");
        try
        {
            var environment = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = index };
            if (entries.Count > 0)
                await repository.RunAsync(environment, string.Concat(entries.Select(e => e + "\0")), cancellationToken, "update-index", "--add", "-z", "--index-info");
            var tree = (await repository.RunAsync(environment, null, cancellationToken, "write-tree")).StandardOutput.Trim();
            var identity = new Dictionary<string, string?>
            {
                ["GIT_AUTHOR_NAME"] = "toolkit", ["GIT_AUTHOR_EMAIL"] = "toolkit@localhost",
                ["GIT_COMMITTER_NAME"] = "toolkit", ["GIT_COMMITTER_EMAIL"] = "toolkit@localhost",
            };
            var head = await repository.ResolveAsync("HEAD", cancellationToken);
            string[] commitArgs = head is null
                ? ["commit-tree", tree, "-m", $"toolkit backup before {planId}"]
                : ["commit-tree", tree, "-p", head, "-m", $"toolkit backup before {planId}"];
            var commit = (await repository.RunAsync(identity, null, cancellationToken, commitArgs)).StandardOutput.Trim();
            await repository.RunAsync(cancellationToken, "update-ref", RefFor(planId), commit);
            return commit;
        }
        finally
        {
            if (File.Exists(index)) File.Delete(index);
        }
    }

    /// <summary>The backup's entries below <paramref name="pathInRepository"/>: path (relative to the top level) to mode and blob id.</summary>
    public static async Task<IReadOnlyDictionary<string, BackupEntry>> ReadAsync(GitRepository repository, string reference,
        string pathInRepository, CancellationToken cancellationToken = default)
    {
        string[] args = pathInRepository.Length == 0
            ? ["ls-tree", "-r", "-z", "--full-tree", reference]
            : ["ls-tree", "-r", "-z", "--full-tree", reference, "--", pathInRepository.TrimEnd('/') + "/"];
        var output = await repository.RunAsync(cancellationToken, args);
        var entries = new SortedDictionary<string, BackupEntry>(StringComparer.Ordinal);
        foreach (var line in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t');
            var meta = line[..tab].Split(' ');
            if (meta[1] != "blob") continue; // submodules are not ours to restore
            entries[line[(tab + 1)..]] = new BackupEntry(meta[0], meta[2]);
        }
        return entries;
    }
}

/// <summary>One file in a backup: git mode (<c>100644</c>, <c>100755</c>, <c>120000</c>) and blob id.</summary>
public sealed record BackupEntry(string Mode, string BlobId);
