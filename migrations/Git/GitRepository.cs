using Toolkit.Core.Diagnostics;
using Toolkit.Core.Processes;

namespace Toolkit.Migrations.Git;

/// <summary>
/// A git working tree driven through the <c>git</c> CLI (via <see cref="ProcessRunner"/>). Commands never
/// take optional locks, so reading status does not rewrite the user's index.
/// </summary>
public sealed class GitRepository
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private GitRepository(string topLevel, string gitDirectory)
    {
        TopLevel = topLevel;
        GitDirectory = gitDirectory;
    }

    /// <summary>Absolute path of the working tree's top level.</summary>
    public string TopLevel { get; }

    /// <summary>Absolute path of the <c>.git</c> directory.</summary>
    public string GitDirectory { get; }

    /// <summary>The repository that holds <paramref name="path"/>, or a MIG020 error when it is not inside a git working tree.</summary>
    public static async Task<GitRepository> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full)) throw new DiagnosticException(Diagnostic.Error("MIG021", $"app path '{full}' does not exist or is not a directory."));
        var result = await RunRawAsync(full, null, cancellationToken, ["rev-parse", "--show-toplevel", "--absolute-git-dir"], null);
        if (!result.Succeeded)
            throw new DiagnosticException(Diagnostic.Error("MIG020",
                $"'{full}' is not inside a git working tree; the engine needs git for its backup (run 'git init' and commit first)."));
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new GitRepository(lines[0], lines[1]);
    }

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

    /// <summary>Full sha of <paramref name="reference"/>, or null when it does not exist.</summary>
    public async Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(cancellationToken, "rev-parse", "--verify", "--quiet", reference + "^{commit}");
        return result.Succeeded ? result.StandardOutput.Trim() : null;
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

    /// <summary>Tracked and untracked (not ignored) files below a path, relative to the top level.</summary>
    public async Task<IReadOnlyList<string>> ListFilesAsync(string pathInRepository, CancellationToken cancellationToken = default)
    {
        var output = await RunAsync(cancellationToken, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", Pathspec(pathInRepository));
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Writes blob <paramref name="blobId"/> byte for byte (no filters) to a new temporary file in
    /// <paramref name="directory"/> (<c>git unpack-file</c> with an explicit git dir, so it lands there and
    /// nowhere else) and returns its path; the caller moves it into place.
    /// </summary>
    public async Task<string> UnpackBlobAsync(string blobId, string directory, CancellationToken cancellationToken = default)
    {
        var result = await RunRawAsync(directory, null, cancellationToken, ["--git-dir=" + GitDirectory, "unpack-file", blobId], null);
        if (!result.Succeeded) throw new InvalidOperationException($"git unpack-file {blobId} failed: {result.StandardError.Trim()}");
        return Path.Combine(directory, result.StandardOutput.Trim());
    }

    /// <summary>A pathspec for a directory inside the repository (<c>.</c> for the top level), taken literally.</summary>
    public static string Pathspec(string pathInRepository) =>
        ":(literal)" + (pathInRepository.Length == 0 ? "." : pathInRepository.TrimEnd('/'));

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
