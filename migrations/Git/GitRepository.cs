using LibGit2Sharp;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Processes;
using Toolkit.Migrations.Paths;

namespace Toolkit.Migrations.Git;

/// <summary>
/// A git working tree. Objects, trees and refs are read and written in process through libgit2
/// (LibGit2Sharp): no process per file, and HEAD, the index and the stash are never written. The few
/// porcelain commands (status for the clean-tree check) still run the <c>git</c> CLI without optional
/// locks, so reading status does not rewrite the user's index.
/// </summary>
public sealed class GitRepository : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private Repository? _library;

    private GitRepository(string topLevel, string gitDirectory)
    {
        TopLevel = topLevel;
        GitDirectory = gitDirectory;
    }

    /// <summary>Absolute path of the working tree's top level (symbolic links resolved).</summary>
    public string TopLevel { get; }

    /// <summary>Absolute path of the <c>.git</c> directory (of this worktree, for a linked worktree).</summary>
    public string GitDirectory { get; }

    /// <summary>The repository that holds <paramref name="path"/>, or a MIG020 error when it is not inside a git working tree.</summary>
    public static Task<GitRepository> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full)) throw new DiagnosticException(Diagnostic.Error("MIG021", $"app path '{full}' does not exist or is not a directory."));
        var notARepository = new DiagnosticException(Diagnostic.Error("MIG020",
            $"'{full}' is not inside a git working tree; the engine needs git for its backup (run 'git init' and commit first)."));
        if (Repository.Discover(full) is not { } discovered) throw notARepository;
        using var library = new Repository(discovered);
        if (library.Info.IsBare || library.Info.WorkingDirectory is null) throw notARepository;
        var topLevel = AppPaths.RealPath(Path.GetFullPath(library.Info.WorkingDirectory).TrimEnd(Path.DirectorySeparatorChar));
        return Task.FromResult(new GitRepository(topLevel, Path.GetFullPath(library.Info.Path).TrimEnd(Path.DirectorySeparatorChar)));
    }

    /// <summary>The libgit2 handle, opened on first use and kept until <see cref="Dispose"/>.</summary>
    internal Repository Library => _library ??= new Repository(GitDirectory);

    /// <summary>Runs git in the top level; a failure is an exception carrying git's message.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        (await RunAsync(null, null, cancellationToken, args)).StandardOutput;

    /// <summary>Runs git with extra environment and optional standard input; a failure throws.</summary>
    public async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, string? input, CancellationToken cancellationToken, params string[] args)
    {
        var result = await RunRawAsync(TopLevel, environment, cancellationToken, args, input);
        if (!result.Succeeded)
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({result.ExitCode}): {result.StandardError.Trim()}");
        return result;
    }

    /// <summary>Runs git and returns the result whatever the exit code.</summary>
    public Task<ProcessResult> TryRunAsync(CancellationToken cancellationToken, params string[] args) =>
        RunRawAsync(TopLevel, null, cancellationToken, args, null);

    /// <summary>Full sha of the commit <paramref name="reference"/> names, or null when it does not exist.</summary>
    public Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken = default) => Task.FromResult(Resolve(reference));

    /// <summary>Full sha of the commit <paramref name="reference"/> names (ref, sha or <c>HEAD</c>), or null when it does not exist.</summary>
    public string? Resolve(string reference)
    {
        try
        {
            return Library.Lookup(reference) switch
            {
                Commit commit => commit.Sha,
                TagAnnotation tag when tag.Target is Commit commit => commit.Sha,
                _ => null,
            };
        }
        catch (LibGit2SharpException)
        {
            return null; // an unborn HEAD or a malformed name
        }
    }

    /// <summary>
    /// Paths (relative to the top level, <c>/</c>-separated) below <paramref name="pathInRepository"/> that are
    /// tracked or untracked-but-not-ignored and changed: <c>git status --porcelain</c> lines.
    /// </summary>
    public async Task<IReadOnlyList<string>> StatusAsync(string pathInRepository, CancellationToken cancellationToken = default)
    {
        var output = await RunAsync(cancellationToken, "status", "--porcelain=v1", "--untracked-files=all", "--", Pathspec(pathInRepository));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Tracked and untracked (not ignored) files below a path that exist in the working tree, relative to the
    /// top level, sorted: what <c>git ls-files --cached --others --exclude-standard</c> lists, minus deleted files.
    /// Read from libgit2's status without updating the index.
    /// </summary>
    public Task<IReadOnlyList<string>> ListFilesAsync(string pathInRepository, CancellationToken cancellationToken = default)
    {
        var prefix = pathInRepository.Length == 0 ? "" : pathInRepository.TrimEnd('/') + "/";
        var options = new StatusOptions
        {
            Show = StatusShowOption.IndexAndWorkDir,
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            IncludeIgnored = false,
            IncludeUnaltered = true,
            ExcludeSubmodules = true,
            DetectRenamesInIndex = false,
            DetectRenamesInWorkDir = false,
        };
        IReadOnlyList<string> files = Library.RetrieveStatus(options)
            .Where(e => !e.State.HasFlag(FileStatus.DeletedFromWorkdir) && !e.State.HasFlag(FileStatus.Ignored) && !e.State.HasFlag(FileStatus.Nonexistent))
            .Select(e => e.FilePath.Replace('\\', '/'))
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Where(p => new FileInfo(Path.Combine(TopLevel, p)) is { } info && (info.Exists || info.LinkTarget is not null))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(files);
    }

    /// <summary>Stores <paramref name="content"/> as a blob, byte for byte (no filters); returns its id.</summary>
    public string WriteBlob(byte[] content) => Library.ObjectDatabase.Write<Blob>(content).Sha;

    /// <summary>The bytes of blob <paramref name="blobId"/>, unfiltered.</summary>
    public byte[] ReadBlob(string blobId)
    {
        var blob = Library.Lookup<Blob>(blobId) ?? throw new InvalidOperationException($"blob {blobId} is missing from the repository's object database.");
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream(checked((int)blob.Size));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes a commit whose tree holds exactly <paramref name="entries"/> (path relative to the top level to
    /// mode and blob id), with <paramref name="parent"/> as its parent when given; returns its id. Nothing
    /// but the object database is written.
    /// </summary>
    public string CommitTree(IReadOnlyDictionary<string, GitTreeEntry> entries, string? parent, string message)
    {
        var definition = new TreeDefinition();
        foreach (var (path, entry) in entries) definition.Add(path, new ObjectId(entry.BlobId), ModeOf(entry.Mode));
        var tree = Library.ObjectDatabase.CreateTree(definition);
        var identity = new Signature("toolkit", "toolkit@localhost", DateTimeOffset.UtcNow);
        var parents = parent is null ? [] : new[] { Library.Lookup<Commit>(parent) };
        return Library.ObjectDatabase.CreateCommit(identity, identity, message, tree, parents, prettifyMessage: false).Sha;
    }

    /// <summary>
    /// Writes a commit whose tree is <paramref name="baseCommit"/>'s (empty when null) with <paramref name="changes"/>
    /// applied (path relative to the top level to its new entry, null to remove it); unchanged subtrees are reused,
    /// so the cost follows the changes, not the size of the tree. Returns the commit id.
    /// </summary>
    public string CommitChanges(string? baseCommit, IEnumerable<KeyValuePair<string, GitTreeEntry?>> changes, string? parent, string message)
    {
        var definition = baseCommit is null ? new TreeDefinition() : TreeDefinition.From(Library.Lookup<Commit>(baseCommit));
        foreach (var (path, entry) in changes)
        {
            if (entry is null) definition.Remove(path);
            else definition.Add(path, new ObjectId(entry.BlobId), ModeOf(entry.Mode));
        }
        var tree = Library.ObjectDatabase.CreateTree(definition);
        var identity = new Signature("toolkit", "toolkit@localhost", DateTimeOffset.UtcNow);
        var parents = parent is null ? [] : new[] { Library.Lookup<Commit>(parent) };
        return Library.ObjectDatabase.CreateCommit(identity, identity, message, tree, parents, prettifyMessage: false).Sha;
    }

    /// <summary>Points <paramref name="name"/> at <paramref name="commit"/> (created or moved); HEAD and branches are not touched.</summary>
    public void UpdateRef(string name, string commit) => Library.Refs.Add(name, new ObjectId(commit), allowOverwrite: true);

    /// <summary>The files of commit <paramref name="reference"/> below <paramref name="pathInRepository"/>: path (relative to the top level) to mode and blob id.</summary>
    public IReadOnlyDictionary<string, GitTreeEntry> ReadTree(string reference, string pathInRepository)
    {
        var commit = Library.Lookup<Commit>(Resolve(reference) ?? throw new InvalidOperationException($"{reference} does not name a commit."));
        var entries = new SortedDictionary<string, GitTreeEntry>(StringComparer.Ordinal);
        var start = pathInRepository.Length == 0 ? commit.Tree : (commit[pathInRepository.TrimEnd('/')]?.Target as Tree);
        if (start is null) return entries;
        var prefix = pathInRepository.Length == 0 ? "" : pathInRepository.TrimEnd('/') + "/";
        var pending = new Stack<(Tree Tree, string Prefix)>([(start, prefix)]);
        while (pending.Count > 0)
        {
            var (tree, at) = pending.Pop();
            foreach (var entry in tree)
            {
                if (entry.TargetType == TreeEntryTargetType.Tree) pending.Push(((Tree)entry.Target, at + entry.Name + "/"));
                else if (entry.TargetType == TreeEntryTargetType.Blob) // submodules are not ours to restore
                    entries[at + entry.Name] = new GitTreeEntry(Convert.ToString((int)entry.Mode, 8).PadLeft(6, '0'), entry.Target.Sha);
            }
        }
        return entries;
    }

    /// <summary>The entries of <paramref name="paths"/> (relative to the top level) in commit <paramref name="reference"/>; a path the commit lacks is absent.</summary>
    public IReadOnlyDictionary<string, GitTreeEntry> ReadEntries(string reference, IEnumerable<string> paths)
    {
        var commit = Library.Lookup<Commit>(Resolve(reference) ?? throw new InvalidOperationException($"{reference} does not name a commit."));
        var entries = new Dictionary<string, GitTreeEntry>(StringComparer.Ordinal);
        foreach (var path in paths)
            if (commit[path] is { TargetType: TreeEntryTargetType.Blob } entry)
                entries[path] = new GitTreeEntry(Convert.ToString((int)entry.Mode, 8).PadLeft(6, '0'), entry.Target.Sha);
        return entries;
    }

    /// <summary>A pathspec for a directory inside the repository (<c>.</c> for the top level), taken literally.</summary>
    public static string Pathspec(string pathInRepository) =>
        ":(literal)" + (pathInRepository.Length == 0 ? "." : pathInRepository.TrimEnd('/'));

    /// <summary>Releases the libgit2 handle.</summary>
    public void Dispose()
    {
        _library?.Dispose();
        _library = null;
    }

    private static Mode ModeOf(string mode) => mode switch
    {
        "100755" => Mode.ExecutableFile,
        "120000" => Mode.SymbolicLink,
        _ => Mode.NonExecutableFile,
    };

    private static Task<ProcessResult> RunRawAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken, string[] args, string? input)
    {
        var spec = ProcessSpec.For("git")
            .WithArguments(["--no-optional-locks", "-c", "core.autocrlf=false", "-c", "core.quotepath=false", .. args])
            .WithWorkingDirectory(workingDirectory)
            .WithTimeout(Timeout)
            .WithEnvironment("GIT_TERMINAL_PROMPT", "0")
            .WithEnvironment("LC_ALL", "C");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) spec = spec.WithEnvironment(name, value);
        if (input is not null) spec = spec.WithStandardInput(input);
        return ProcessRunner.RunAsync(spec, cancellationToken);
    }
}
