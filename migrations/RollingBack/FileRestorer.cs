using Toolkit.Migrations.Backups;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Paths;

namespace Toolkit.Migrations.RollingBack;

/// <summary>
/// Puts the app's files back exactly as the backup ref holds them: rewrites files whose bytes or mode
/// differ, deletes files the backup does not have (files the apply added), then verifies every file.
/// Only paths inside the app are ever touched.
/// </summary>
public static class FileRestorer
{
    /// <summary>Restores the app below <paramref name="pathInRepository"/> from <paramref name="reference"/>.</summary>
    /// <param name="repository">The app's repository.</param>
    /// <param name="reference">Backup ref or commit.</param>
    /// <param name="pathInRepository">The app root relative to the repository top level.</param>
    /// <param name="gate">The app's path gate.</param>
    /// <param name="alsoCheck">App-relative paths to consider even if git would ignore them (files the plan adds).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static async Task<RestoreReport> RestoreAsync(GitRepository repository, string reference, string pathInRepository,
        AppPaths gate, IEnumerable<string> alsoCheck, CancellationToken cancellationToken = default)
    {
        var prefix = pathInRepository.Length == 0 ? "" : pathInRepository.TrimEnd('/') + "/";
        var backup = await WorkingTreeBackup.ReadAsync(repository, reference, pathInRepository, cancellationToken);
        var wanted = backup.ToDictionary(e => e.Key[prefix.Length..], e => e.Value, StringComparer.Ordinal);

        var present = (await repository.ListFilesAsync(pathInRepository, cancellationToken)).Select(p => p[prefix.Length..])
            .Concat(alsoCheck).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var deleted = new List<string>();
        foreach (var path in present.Where(p => !wanted.ContainsKey(p)))
        {
            var full = gate.Resolve(path);
            var info = new FileInfo(full);
            if (!info.Exists && info.LinkTarget is null) continue;
            File.Delete(full);
            deleted.Add(path);
            RemoveEmptyParents(Path.GetDirectoryName(full)!, gate.Root);
        }

        var restored = new List<string>();
        foreach (var (path, entry) in wanted)
        {
            var full = gate.Resolve(path);
            if (Matches(full, entry)) continue;
            var directory = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(directory);
            var temporary = await repository.UnpackBlobAsync(entry.BlobId, directory, cancellationToken);
            try
            {
                if (entry.Mode == "120000")
                {
                    var target = await File.ReadAllTextAsync(temporary, cancellationToken);
                    if (File.Exists(full) || new FileInfo(full).LinkTarget is not null) File.Delete(full);
                    File.CreateSymbolicLink(full, target);
                }
                else
                {
                    GitFileMode.Set(temporary, entry.Mode);
                    if (new FileInfo(full).LinkTarget is not null) File.Delete(full);
                    File.Move(temporary, full, overwrite: true);
                }
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
            restored.Add(path);
        }

        var mismatched = wanted.Where(e => !Matches(gate.Resolve(e.Key), e.Value)).Select(e => e.Key).ToList();
        var extra = (await repository.ListFilesAsync(pathInRepository, cancellationToken)).Select(p => p[prefix.Length..])
            .Concat(alsoCheck.Where(p => File.Exists(gate.Resolve(p))))
            .Where(p => !wanted.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
        return new RestoreReport(restored, deleted, wanted.Count, mismatched, extra);
    }

    private static bool Matches(string full, BackupEntry entry)
    {
        var info = new FileInfo(full);
        if (entry.Mode == "120000") return info.LinkTarget is not null && GitBlobId.OfPath(full) == entry.BlobId;
        if (info.LinkTarget is not null || !info.Exists) return false;
        return GitFileMode.Of(full) == entry.Mode && GitBlobId.OfPath(full) == entry.BlobId;
    }

    private static void RemoveEmptyParents(string directory, string root)
    {
        while (directory.Length > root.Length && directory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
               && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }
}

/// <summary>What a file restore did and what its verification found (both lists empty means verified).</summary>
public sealed record RestoreReport(
    IReadOnlyList<string> Restored,
    IReadOnlyList<string> Deleted,
    int FilesInBackup,
    IReadOnlyList<string> Mismatched,
    IReadOnlyList<string> Extra)
{
    /// <summary>True when every file equals the backup and nothing extra is left.</summary>
    public bool Verified => Mismatched.Count == 0 && Extra.Count == 0;
}
