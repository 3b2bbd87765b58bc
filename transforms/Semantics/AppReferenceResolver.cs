using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Toolkit.Core.Processes;

namespace Toolkit.Transforms.Semantics;

/// <summary>
/// Resolves what an app compiles against without MSBuildWorkspace: restores the app's project
/// (in a scratch copy, so the app's folder is never written), reads the compile assemblies from
/// <c>project.assets.json</c>, and adds the SDK's framework reference packs.
/// <para>
/// The scratch copy keeps the project's place below the files MSBuild finds above it (central package
/// versions at the repository root, NuGet.config). When that restore fails (a package no source serves,
/// a Windows-only target, a project reference) a partial restore asks for each package on its own base
/// framework, drops the ones the sources refuse, and says which: code that uses them does not bind,
/// so rewriters leave it alone.
/// </para>
/// </summary>
public static partial class AppReferenceResolver
{
    // Restore results by the content of the project and its side files: planning several swaps, or the
    // same app copied elsewhere, restores once per process. A failed restore is kept too (its message), so
    // an app whose packages are not served here does not pay a multi-second restore on every plan.
    private static readonly ConcurrentDictionary<string, Restored> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Failed = new(StringComparer.Ordinal);

    private sealed record Restored(IReadOnlyList<string> Assemblies, IReadOnlyList<string> Missing);

    /// <summary>Resolves the references of the app at <paramref name="appRoot"/>.</summary>
    /// <exception cref="InvalidDataException">The project is missing or even a partial restore failed (message says why).</exception>
    public static async Task<AppReferences> ResolveAsync(string appRoot, CancellationToken cancellationToken = default)
    {
        appRoot = Path.GetFullPath(appRoot);
        var project = AppProject.Find(appRoot);
        var folder = Path.GetDirectoryName(project.ProjectPath)!;
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        Restored restored;
        if (IsFresh(assets, project.ProjectPath)) restored = new(AssetsFile.CompileAssemblies(assets, project.TargetFramework), []);
        else
        {
            // Projects it references come along (their packages flow into its compile references), with their side files.
            var referenced = PackageReference.ReferencedProjects(project.ProjectPath);
            var sideFiles = referenced.Prepend(project.ProjectPath).SelectMany(p => ProjectSideFiles.Find(Path.GetDirectoryName(p)!)).Distinct(StringComparer.Ordinal).ToList();
            var key = ContentKey(project, referenced.Concat(sideFiles).ToList());
            if (!Cache.TryGetValue(key, out var cached))
            {
                if (Failed.TryGetValue(key, out var error)) throw new InvalidDataException(error);
                try { cached = await RestoreAsync(appRoot, project, referenced, sideFiles, cancellationToken); }
                catch (InvalidDataException e)
                {
                    Failed[key] = e.Message;
                    throw;
                }
                Cache[key] = cached;
            }
            restored = cached;
        }

        var dotnetRoot = FrameworkReferences.DotnetRoot()
            ?? throw new InvalidDataException("The .NET SDK was not found (set DOTNET_ROOT or put dotnet on PATH).");
        var framework = FrameworkReferences.Assemblies(dotnetRoot, "Microsoft.NETCore.App.Ref", project.BaseTargetFramework);
        if (framework.Count == 0)
            throw new InvalidDataException($"{dotnetRoot}/packs: no Microsoft.NETCore.App.Ref for {project.BaseTargetFramework}.");
        var web = project.IsWeb ? FrameworkReferences.Assemblies(dotnetRoot, "Microsoft.AspNetCore.App.Ref", project.BaseTargetFramework) : [];

        // A package assembly that the framework also ships is kept once: the newer one, as in the build.
        var all = ReferenceConflicts.Resolve(restored.Assemblies, framework.Concat(web).ToList());
        return new AppReferences(all, project.ImplicitUsings, project.IsExecutable) { Missing = restored.Missing, Projects = ReferencedProject.Load(appRoot, project.ProjectPath) };
    }

    /// <summary>Synchronous form for <see cref="Swaps.ISwap.Plan"/>.</summary>
    public static AppReferences Resolve(string appRoot) => ResolveAsync(appRoot).GetAwaiter().GetResult();

    private static string ContentKey(AppProject project, IReadOnlyList<string> sideFiles)
    {
        var text = new StringBuilder(project.TargetFramework).Append('\0').Append(Encoding.UTF8.GetString(ReadShared(project.ProjectPath)));
        var folder = Path.GetDirectoryName(project.ProjectPath)!;
        foreach (var side in sideFiles)
            text.Append('\0').Append(Path.GetRelativePath(folder, side)).Append('\0').Append(Encoding.UTF8.GetString(ReadShared(side)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool IsFresh(string assets, string projectPath) =>
        File.Exists(assets) && File.GetLastWriteTimeUtc(assets) >= File.GetLastWriteTimeUtc(projectPath);

    private static async Task<Restored> RestoreAsync(string appRoot, AppProject project, IReadOnlyList<string> referenced, IReadOnlyList<string> sideFiles, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(project.ProjectPath)!;
        var top = ProjectSideFiles.CommonRoot(folder, referenced.Concat(sideFiles).ToList());
        // The code of referenced projects outside the app is compiled beside it (ReferencedProject): only their packages are restored here.
        var scratch = Directory.CreateTempSubdirectory("toolkit-restore-");
        try
        {
            // 1. The project as it is, below the same side files.
            var copy = CopyBelow(scratch.FullName, top, project.ProjectPath);
            foreach (var file in referenced.Concat(sideFiles)) CopyBelow(scratch.FullName, top, file);
            var full = await RunRestoreAsync(copy, cancellationToken);
            if (full.Succeeded)
                return new(AssetsFile.CompileAssemblies(Path.Combine(Path.GetDirectoryName(copy)!, "obj", "project.assets.json"), project.TargetFramework), []);
            var why = AppPaths(FirstError(full), scratch.FullName, top, appRoot);
            return await PartialRestoreAsync(appRoot, project, referenced, sideFiles, why, cancellationToken);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    // 2. Only the packages, on the base framework (net8.0 for net8.0-windows), without the project's own
    // build logic; packages the sources refuse are dropped one round at a time.
    private static async Task<Restored> PartialRestoreAsync(string appRoot, AppProject project, IReadOnlyList<string> referenced, IReadOnlyList<string> sideFiles,
        string why, CancellationToken cancellationToken)
    {
        // The project's packages, then those its referenced projects bring (each with its own central versions).
        var packages = new List<PackageReference>();
        foreach (var path in referenced.Prepend(project.ProjectPath))
            foreach (var package in PackageReference.Read(path, ProjectSideFiles.CentralVersions(ProjectSideFiles.Find(Path.GetDirectoryName(path)!))))
                if (!packages.Any(p => p.Id.Equals(package.Id, StringComparison.OrdinalIgnoreCase))) packages.Add(package);
        var missing = new List<string> { $"the full restore failed ({why})" };
        if (project.TargetFramework != project.BaseTargetFramework)
            missing.Add($"the {project.TargetFramework} target (restored for {project.BaseTargetFramework}: Windows-only APIs do not bind)");
        foreach (var reference in PackageReference.ProjectReferences(project.ProjectPath).Where(r => !File.Exists(Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, r.Replace('\\', '/')))))
            missing.Add($"the project reference {reference.Replace('\\', '/')} (not found)");

        for (var round = 0; round < 6; round++)
        {
            var scratch = Directory.CreateTempSubdirectory("toolkit-restore-");
            try
            {
                var nugetConfigs = sideFiles.Where(ProjectSideFiles.IsNuGetConfig).ToList();
                // The nearest NuGet.config decides the sources; it is copied beside the partial project.
                if (nugetConfigs.Count > 0) File.WriteAllBytes(Path.Combine(scratch.FullName, "NuGet.config"), ReadShared(nugetConfigs[0]));
                var path = Path.Combine(scratch.FullName, "references.csproj");
                File.WriteAllText(path, PartialProject(project, packages));
                var result = await RunRestoreAsync(path, cancellationToken);
                if (result.Succeeded)
                {
                    var assets = Path.Combine(scratch.FullName, "obj", "project.assets.json");
                    return new(AssetsFile.CompileAssemblies(assets, project.BaseTargetFramework), missing);
                }
                var output = result.StandardOutput + "\n" + result.StandardError;
                var failed = AssetsFile.FailedPackages(Path.Combine(scratch.FullName, "obj", "project.assets.json"));
                var refused = packages.Where(p => RefusedBy(output, p.Id) || failed.Contains(p.Id)).ToList();
                if (refused.Count == 0)
                    throw new InvalidDataException($"{Path.GetFileName(project.ProjectPath)}: dotnet restore failed ({why}), and so did a restore of its packages alone: {AppPaths(FirstError(result), scratch.FullName, scratch.FullName, appRoot)}");
                foreach (var package in refused)
                {
                    packages.Remove(package);
                    missing.Add($"the package {package.Id} {package.Version} ({Refusal(output, package.Id, project.BaseTargetFramework)})");
                }
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }
        throw new InvalidDataException($"{Path.GetFileName(project.ProjectPath)}: dotnet restore failed ({why}), and a restore of its packages alone kept failing.");
    }

    // Copies `file` to the same place below `scratch` as it has below `top`; never outside `scratch`.
    private static string CopyBelow(string scratch, string top, string file)
    {
        var relative = Path.GetRelativePath(top, file);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new InvalidOperationException($"{file} is not below {top}.");
        var target = Path.Combine(scratch, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, ReadShared(file));
        return target;
    }

    // Another process (an IDE, a build) may hold the file open: read it without asking for a share lock.
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string PartialProject(AppProject project, IReadOnlyList<PackageReference> packages)
    {
        var xml = new StringBuilder();
        xml.Append($"<Project Sdk=\"{(project.IsWeb ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk")}\">\n  <PropertyGroup>\n")
            .Append($"    <TargetFramework>{project.BaseTargetFramework}</TargetFramework>\n")
            .Append("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n")
            .Append("    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>\n    <WarningsAsErrors></WarningsAsErrors>\n")
            .Append("    <NoWarn>$(NoWarn);NU1603;NU1605;NU1608;NU1701;NU1902;NU1903;NU1904</NoWarn>\n  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var package in packages)
            xml.Append($"    <PackageReference Include=\"{System.Security.SecurityElement.Escape(package.Id)}\" Version=\"{System.Security.SecurityElement.Escape(package.Version)}\" />\n");
        return xml.Append("  </ItemGroup>\n</Project>\n").ToString();
    }

    // In a developer's words: what NuGet said about the package (or about one it depends on).
    private static string Refusal(string output, string id, string framework)
    {
        var line = output.Split('\n').FirstOrDefault(l => NuGetError().IsMatch(l) && Regex.IsMatch(l, $@"(?<![\w.-]){Regex.Escape(id)}(?![\w-]|\.\w)", RegexOptions.IgnoreCase));
        var code = line is null ? null : NuGetError().Match(line).Value[6..];
        return code switch
        {
            "NU1101" => "no package source has it",
            "NU1102" or "NU1103" => "no package source has this version",
            "NU1202" or "NU1201" => $"not for {framework}",
            null => "a package it depends on could not be restored",
            _ => $"restore refused it: {code}",
        };
    }

    // NU1101 (no such package), NU1102/NU1103 (no such version), NU1202 (not for this framework)... naming the id.
    private static bool RefusedBy(string output, string id) =>
        output.Split('\n').Any(line => NuGetError().IsMatch(line)
            && Regex.IsMatch(line, $@"(?<![\w.-]){Regex.Escape(id)}(?![\w-]|\.\w)", RegexOptions.IgnoreCase));

    [GeneratedRegex(@"error NU1(10[0-9]|20[0-9]|40[0-9])\b")]
    private static partial Regex NuGetError();

    private static Task<ProcessResult> RunRestoreAsync(string projectPath, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            ProcessSpec.For("dotnet").WithArguments("restore", projectPath, "--nologo", "-v", "quiet")
                .WithWorkingDirectory(Path.GetDirectoryName(projectPath)!)
                .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                .WithTimeout(TimeSpan.FromMinutes(5)),
            cancellationToken);

    // Scratch paths in restore output become the app's own paths, relative to the app root, so the
    // message (and the plan quoting it) is the same from run to run and clone to clone.
    private static string AppPaths(string message, string scratch, string mirrored, string appRoot)
    {
        var relative = Path.GetRelativePath(appRoot, mirrored);
        var prefix = relative == "." ? "" : relative.Replace('\\', '/') + "/";
        message = message.Replace(scratch + Path.DirectorySeparatorChar, prefix, StringComparison.Ordinal).Replace(scratch, relative, StringComparison.Ordinal);
        message = message.Replace(appRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        // Whatever else names a temporary folder goes too.
        return TemporaryFolder().Replace(message, "").Trim();
    }

    [GeneratedRegex(@"\S*toolkit-restore-[^/\\\s]+[/\\]?")]
    private static partial Regex TemporaryFolder();

    // The first error in ordinal order, not in output order: a restore of several projects prints them in the order its
    // parallel work finishes, and the plan (its id) must not change with that.
    private static string FirstError(ProcessResult result)
    {
        var lines = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(ErrorOf).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? (result.TimedOut ? "timed out" : $"exit code {result.ExitCode}");
    }

    private static string ErrorOf(string line)
    {
        // dotnet restore appends " [/path/project.csproj]" to each line, and an SDK file's path may lead it: the error is what counts.
        line = Regex.Replace(line, @"\s+\[[^\]]*\]$", "");
        return line.IndexOf("error ", StringComparison.Ordinal) is var at and > 0 && Path.IsPathRooted(line) ? line[at..] : line;
    }
}
