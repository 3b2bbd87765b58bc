using System.Reflection;

namespace Toolkit.Transforms.Semantics;

/// <summary>
/// Picks one assembly per file name among the package and framework references, as the SDK's
/// conflict resolution does in the build (<c>ResolvePackageFileConflicts</c>): the higher assembly
/// version wins, then the higher file version, and on a tie the framework's. Old packages
/// (<c>System.Runtime 4.1.0</c>'s netstandard1.x reference, pulled in by ApplicationInsights and
/// others) would otherwise define <c>string</c> and <c>Task</c> a second time, and nothing that uses
/// them would bind.
/// </summary>
public static class ReferenceConflicts
{
    /// <summary>The references to compile with: one per file name, in the order given (packages before the framework).</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> packages, IReadOnlyList<string> framework)
    {
        var frameworkSet = framework.ToHashSet(StringComparer.Ordinal);
        var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in packages.Concat(framework))
        {
            var name = Path.GetFileName(path);
            if (!chosen.TryGetValue(name, out var current) || Wins(path, current, frameworkSet.Contains(path))) chosen[name] = path;
        }
        return packages.Concat(framework).Where(p => chosen[Path.GetFileName(p)] == p).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool Wins(string candidate, string current, bool candidateIsFramework)
    {
        var byAssembly = Compare(AssemblyVersion(candidate), AssemblyVersion(current));
        if (byAssembly != 0) return byAssembly > 0;
        var byFile = Compare(FileVersion(candidate), FileVersion(current));
        if (byFile != 0) return byFile > 0;
        return candidateIsFramework;
    }

    private static int Compare(Version? a, Version? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => a.CompareTo(b),
    };

    private static Version? AssemblyVersion(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return null; // not an assembly we can read: the other one is kept
        }
    }

    private static Version? FileVersion(string path) =>
        System.Diagnostics.FileVersionInfo.GetVersionInfo(path).FileVersion is { } text && Version.TryParse(text.Split(' ')[0], out var version) ? version : null;
}
