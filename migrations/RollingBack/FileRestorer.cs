using Toolkit.Migrations.Git;
using Toolkit.Migrations.Paths;

namespace Toolkit.Migrations.RollingBack;

/// <summary>
/// Carries out rollback's file decisions: each file is written all at once from its blob (through a
/// temporary file in the git directory, then a rename, so a killed process leaves no stray file in the
/// working tree) or deleted; a file already as decided is left alone, so running it again after a kill
/// finishes the work. Then every decided file is verified. Only the files in the steps are ever touched.
/// </summary>
public static class FileRestorer
{
    /// <summary>Writes the steps that write, then verifies them all.</summary>
    /// <param name="repository">The app's repository (blobs come from its object database).</param>
    /// <param name="steps">The decisions (no <see cref="FileRollbackAction.Conflict"/> left).</param>
    /// <param name="gate">The app's path gate.</param>
    /// <param name="scratch">A directory inside the git directory for temporary files.</param>
    /// <param name="afterEach">Called with the count of files written so far (the crash-test hook).</param>
    public static RestoreReport Restore(GitRepository repository, IReadOnlyList<FileRollbackStep> steps, AppPaths gate, string scratch, Action<int>? afterEach = null)
    {
        var written = new List<string>();
        foreach (var step in steps.Where(s => s.Writes))
        {
            var full = gate.Resolve(step.Path);
            if (Matches(full, step)) continue; // done by an earlier, interrupted run
            if (step.To is null)
            {
                File.Delete(full);
                RemoveEmptyParents(Path.GetDirectoryName(full)!, gate.Root);
            }
            else Write(repository, full, step.To, step.Mode ?? "100644", scratch);
            written.Add(step.Path);
            afterEach?.Invoke(written.Count);
        }
        var mismatched = steps.Where(s => s.Action != FileRollbackAction.Conflict && !Matches(gate.Resolve(s.Path), s)).Select(s => s.Path).ToList();
        return new RestoreReport(steps, written, mismatched);
    }

    /// <summary>True when the file at <paramref name="full"/> is what <paramref name="step"/> ends with (content and mode).</summary>
    public static bool Matches(string full, FileRollbackStep step)
    {
        var now = GitTreeEntry.OfPath(full);
        return step.To is null ? now is null : now is not null && now.BlobId == step.To && now.Mode == (step.Mode ?? "100644");
    }

    private static void Write(GitRepository repository, string full, string blobId, string mode, string scratch)
    {
        var content = repository.ReadBlob(blobId);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (mode == "120000")
        {
            if (File.Exists(full) || new FileInfo(full).LinkTarget is not null) File.Delete(full);
            File.CreateSymbolicLink(full, System.Text.Encoding.UTF8.GetString(content));
            return;
        }
        Directory.CreateDirectory(scratch);
        var temporary = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(temporary, content);
            GitFileMode.Set(temporary, mode);
            if (new FileInfo(full).LinkTarget is not null) File.Delete(full);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
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

/// <summary>What the file restore decided, which files this run wrote, and the files that do not match their decision afterwards (empty means verified).</summary>
public sealed record RestoreReport(IReadOnlyList<FileRollbackStep> Steps, IReadOnlyList<string> Written, IReadOnlyList<string> Mismatched)
{
    /// <summary>True when every file is as decided.</summary>
    public bool Verified => Mismatched.Count == 0;

    /// <summary>The paths this run wrote for steps with <paramref name="action"/>.</summary>
    public IReadOnlyList<string> WrittenWith(FileRollbackAction action) =>
        Steps.Where(s => s.Action == action && Written.Contains(s.Path, StringComparer.Ordinal)).Select(s => s.Path).ToList();
}
