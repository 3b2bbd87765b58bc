using Toolkit.Core.Processes;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Secrets;

namespace Toolkit.Migrations.Applying;

/// <summary>
/// Checks a changed app still works: <c>dotnet test</c> when it has test projects, else <c>dotnet build</c>,
/// of its solution (or its projects). It builds a scratch copy of the repository's working tree (tracked and
/// untracked, not ignored files, as the backup sees them) under <paramref name="artifactsDirectory"/>, never
/// the app itself: restore writes <c>obj/</c> and lock files (<c>packages.lock.json</c>), test runs write
/// <c>TestResults/</c>, and none of that may appear in an app the plan did not list it for.
/// </summary>
public sealed class AppValidator(string artifactsDirectory)
{
    /// <summary>Builds (and tests) the app at <paramref name="appRoot"/>, in a copy.</summary>
    public async Task<ValidationResult> ValidateAsync(string appRoot, CancellationToken cancellationToken = default)
    {
        var repository = await GitRepository.OpenAsync(appRoot, cancellationToken);
        var top = Paths.AppPaths.RealPath(repository.TopLevel);
        var tree = Path.Combine(artifactsDirectory, "tree");
        await CopyWorkingTreeAsync(repository, top, tree, cancellationToken);
        try
        {
            var scratchApp = Path.Combine(tree, Path.GetRelativePath(top, Paths.AppPaths.RealPath(appRoot)));
            return await BuildAsync(scratchApp, tree, top, cancellationToken);
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }

    private async Task<ValidationResult> BuildAsync(string appRoot, string tree, string top, CancellationToken cancellationToken)
    {
        var targets = Targets(appRoot);
        if (targets.Count == 0) return new ValidationResult(true, "no solution or project file: nothing to build", []);
        var hasTests = Directory.EnumerateFiles(appRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(appRoot, p))
            .Any(p => File.ReadAllText(p) is var text && (text.Contains("Microsoft.NET.Test.Sdk", StringComparison.Ordinal) || text.Contains("<IsTestProject>true", StringComparison.Ordinal)));
        var verb = hasTests ? "test" : "build";
        foreach (var target in targets)
        {
            var spec = ProcessSpec.For("dotnet")
                .WithArguments(verb, target, "--artifacts-path", Path.Combine(artifactsDirectory, "out"), "-nologo", "--disable-build-servers", "-p:UseSharedCompilation=false")
                .WithWorkingDirectory(appRoot)
                .WithTimeout(TimeSpan.FromMinutes(10))
                .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                .WithEnvironment("DOTNET_NOLOGO", "1")
                .WithEnvironment("MSBUILDDISABLENODEREUSE", "1");
            var result = await ProcessRunner.RunAsync(spec, cancellationToken);
            if (!result.Succeeded)
            {
                // Errors name the files of the app, not of the scratch copy.
                var errors = (result.StandardOutput + "\n" + result.StandardError).Split('\n')
                    .Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains("Failed ", StringComparison.Ordinal))
                    .Select(l => SecretMasker.MaskSecrets(l.Trim().Replace(tree, top, StringComparison.Ordinal))).Distinct(StringComparer.Ordinal).Take(10).ToList();
                if (errors.Count == 0) errors.Add(result.TimedOut ? "timed out" : $"exit code {result.ExitCode}");
                return new ValidationResult(false, $"dotnet {verb} {Path.GetFileName(target)} failed", errors);
            }
        }
        return new ValidationResult(true, $"dotnet {verb} passed (in a scratch copy)", []);
    }

    // The files the backup covers, copied byte for byte (symbolic links as links); ignored files such as obj/ stay behind.
    private static async Task CopyWorkingTreeAsync(GitRepository repository, string top, string tree, CancellationToken cancellationToken)
    {
        if (Directory.Exists(tree)) Directory.Delete(tree, recursive: true);
        Directory.CreateDirectory(tree);
        foreach (var relative in await repository.ListFilesAsync("", cancellationToken))
        {
            var source = Path.Combine(top, relative);
            var info = new FileInfo(source);
            if (!info.Exists && info.LinkTarget is null) continue; // tracked but deleted in the working tree
            var destination = Path.Combine(tree, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (info.LinkTarget is { } link) File.CreateSymbolicLink(destination, link);
            else File.Copy(source, destination);
        }
    }

    private static IReadOnlyList<string> Targets(string appRoot)
    {
        var solutions = Directory.EnumerateFiles(appRoot, "*.sln").Concat(Directory.EnumerateFiles(appRoot, "*.slnx")).Order(StringComparer.Ordinal).ToList();
        if (solutions.Count > 0) return [solutions[0]];
        return Directory.EnumerateFiles(appRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(appRoot, p)).Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsBuildOutput(string appRoot, string path) =>
        Path.GetRelativePath(appRoot, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}

/// <summary>Whether validation passed, what ran, and the first errors (secrets masked).</summary>
public sealed record ValidationResult(bool Passed, string Summary, IReadOnlyList<string> Errors);
