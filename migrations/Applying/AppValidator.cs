using Toolkit.Core.Processes;
using Toolkit.Migrations.Secrets;

namespace Toolkit.Migrations.Applying;

/// <summary>
/// Checks a changed app still works: <c>dotnet test</c> when it has test projects, else <c>dotnet build</c>,
/// of its solution (or its projects). Build output goes to <paramref name="artifactsDirectory"/> (under the
/// git directory), so validation writes nothing inside the app.
/// </summary>
public sealed class AppValidator(string artifactsDirectory)
{
    /// <summary>Builds (and tests) the app at <paramref name="appRoot"/>.</summary>
    public async Task<ValidationResult> ValidateAsync(string appRoot, CancellationToken cancellationToken = default)
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
                .WithArguments(verb, target, "--artifacts-path", artifactsDirectory, "-nologo", "--disable-build-servers", "-p:UseSharedCompilation=false")
                .WithWorkingDirectory(appRoot)
                .WithTimeout(TimeSpan.FromMinutes(10))
                .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                .WithEnvironment("DOTNET_NOLOGO", "1")
                .WithEnvironment("MSBUILDDISABLENODEREUSE", "1");
            var result = await ProcessRunner.RunAsync(spec, cancellationToken);
            if (!result.Succeeded)
            {
                var errors = (result.StandardOutput + "\n" + result.StandardError).Split('\n')
                    .Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains("Failed ", StringComparison.Ordinal))
                    .Select(l => SecretMasker.MaskSecrets(l.Trim())).Distinct(StringComparer.Ordinal).Take(10).ToList();
                if (errors.Count == 0) errors.Add(result.TimedOut ? "timed out" : $"exit code {result.ExitCode}");
                return new ValidationResult(false, $"dotnet {verb} {Path.GetFileName(target)} failed", errors);
            }
        }
        return new ValidationResult(true, $"dotnet {verb} passed", []);
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
