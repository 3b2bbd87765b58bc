using Toolkit.Core.Processes;

namespace Toolkit.Transforms.Semantics;

/// <summary>Finds the SDK's reference packs (<c>packs/Microsoft.NETCore.App.Ref</c>, <c>Microsoft.AspNetCore.App.Ref</c>).</summary>
public static class FrameworkReferences
{
    /// <summary>The .NET install folder: <c>DOTNET_ROOT</c>, else where <c>dotnet</c> on PATH really lives.</summary>
    public static string? DotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs"))) return fromEnvironment;
        var dotnet = ProcessRunner.FindOnPath(OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (dotnet is null) return null;
        var resolved = new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet;
        return Path.GetDirectoryName(resolved);
    }

    /// <summary>
    /// Reference assemblies of <paramref name="pack"/> for <paramref name="targetFramework"/> (<c>net10.0</c>):
    /// the newest installed pack version whose major matches.
    /// </summary>
    public static IReadOnlyList<string> Assemblies(string dotnetRoot, string pack, string targetFramework)
    {
        var installed = Assemblies(Path.Combine(dotnetRoot, "packs", pack), targetFramework);
        if (installed.Count > 0) return installed;
        // An older target (net8.0 on a .NET 10 SDK): restore downloads its pack into the NuGet folder.
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Assemblies(Path.Combine(nuget, pack.ToLowerInvariant()), targetFramework);
    }

    private static IReadOnlyList<string> Assemblies(string packFolder, string targetFramework)
    {
        if (!Directory.Exists(packFolder)) return [];
        var major = targetFramework.StartsWith("net", StringComparison.Ordinal) ? targetFramework[3..].Split('.')[0] : "";
        var version = Directory.EnumerateDirectories(packFolder)
            .Select(Path.GetFileName)
            .Where(v => v!.StartsWith(major + ".", StringComparison.Ordinal) && Version.TryParse(v.Split('-')[0], out _))
            .OrderByDescending(v => Version.Parse(v!.Split('-')[0]))
            .FirstOrDefault();
        if (version is null) return [];
        var refFolder = Path.Combine(packFolder, version, "ref", targetFramework);
        return Directory.Exists(refFolder)
            ? Directory.EnumerateFiles(refFolder, "*.dll").Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
