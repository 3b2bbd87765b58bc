using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Toolkit.Core.Processes;

namespace Toolkit.Transforms.Semantics;

/// <summary>
/// Resolves what an app compiles against without MSBuildWorkspace: restores the app's project
/// (in a scratch copy, so the app's folder is never written), reads the compile assemblies from
/// <c>project.assets.json</c>, and adds the SDK's framework reference packs.
/// </summary>
public static class AppReferenceResolver
{
    private static readonly string[] ProjectSideFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "global.json"];

    // Restore results by the content of the project and its side files: planning several swaps, or the
    // same app copied elsewhere, restores once per process. A failed restore is kept too (its message), so
    // an app whose packages are not served here does not pay a multi-second restore on every plan.
    private static readonly ConcurrentDictionary<string, (IReadOnlyList<string>? Packages, string? Error)> Restored = new(StringComparer.Ordinal);

    /// <summary>Resolves the references of the app at <paramref name="appRoot"/>.</summary>
    /// <exception cref="InvalidDataException">The project is missing or the restore failed (message says why).</exception>
    public static async Task<AppReferences> ResolveAsync(string appRoot, CancellationToken cancellationToken = default)
    {
        var project = AppProject.Find(appRoot);
        var assets = Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, "obj", "project.assets.json");
        IReadOnlyList<string> packages;
        if (IsFresh(assets, project.ProjectPath)) packages = AssetsFile.CompileAssemblies(assets, project.TargetFramework);
        else
        {
            var key = ContentKey(project);
            if (!Restored.TryGetValue(key, out var cached))
            {
                try { cached = (await RestoreInScratchCopyAsync(project, cancellationToken), null); }
                catch (InvalidDataException e) { cached = (null, e.Message); }
                Restored[key] = cached;
            }
            packages = cached.Packages ?? throw new InvalidDataException(cached.Error);
        }

        var dotnetRoot = FrameworkReferences.DotnetRoot()
            ?? throw new InvalidDataException("The .NET SDK was not found (set DOTNET_ROOT or put dotnet on PATH).");
        var framework = FrameworkReferences.Assemblies(dotnetRoot, "Microsoft.NETCore.App.Ref", project.TargetFramework);
        if (framework.Count == 0)
            throw new InvalidDataException($"{dotnetRoot}/packs: no Microsoft.NETCore.App.Ref for {project.TargetFramework}.");
        var web = project.IsWeb ? FrameworkReferences.Assemblies(dotnetRoot, "Microsoft.AspNetCore.App.Ref", project.TargetFramework) : [];

        // A package assembly that the framework also ships is kept once (the package one wins, as in the build).
        var all = packages.Concat(framework).Concat(web)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        return new AppReferences(all, project.ImplicitUsings, project.IsExecutable);
    }

    /// <summary>Synchronous form for <see cref="Swaps.ISwap.Plan"/>.</summary>
    public static AppReferences Resolve(string appRoot) => ResolveAsync(appRoot).GetAwaiter().GetResult();

    private static string ContentKey(AppProject project)
    {
        var folder = Path.GetDirectoryName(project.ProjectPath)!;
        var text = new StringBuilder(project.TargetFramework).Append('\0').Append(File.ReadAllText(project.ProjectPath));
        foreach (var side in ProjectSideFiles.Select(f => Path.Combine(folder, f)).Where(File.Exists))
            text.Append('\0').Append(Path.GetFileName(side)).Append('\0').Append(File.ReadAllText(side));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool IsFresh(string assets, string projectPath) =>
        File.Exists(assets) && File.GetLastWriteTimeUtc(assets) >= File.GetLastWriteTimeUtc(projectPath);

    private static async Task<IReadOnlyList<string>> RestoreInScratchCopyAsync(AppProject project, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("toolkit-restore-");
        try
        {
            var folder = Path.GetDirectoryName(project.ProjectPath)!;
            var copy = Path.Combine(scratch.FullName, Path.GetFileName(project.ProjectPath));
            File.Copy(project.ProjectPath, copy);
            foreach (var side in ProjectSideFiles.Select(f => Path.Combine(folder, f)).Where(File.Exists))
                File.Copy(side, Path.Combine(scratch.FullName, Path.GetFileName(side)), overwrite: true);

            var result = await ProcessRunner.RunAsync(
                ProcessSpec.For("dotnet").WithArguments("restore", copy, "--nologo", "-v", "quiet")
                    .WithWorkingDirectory(scratch.FullName)
                    .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                    .WithTimeout(TimeSpan.FromMinutes(5)),
                cancellationToken);
            if (!result.Succeeded)
                throw new InvalidDataException($"{project.ProjectPath}: dotnet restore failed: {FirstError(result)}");
            return AssetsFile.CompileAssemblies(Path.Combine(scratch.FullName, "obj", "project.assets.json"), project.TargetFramework);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string FirstError(ProcessResult result)
    {
        var lines = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? (result.TimedOut ? "timed out" : $"exit code {result.ExitCode}");
    }
}
