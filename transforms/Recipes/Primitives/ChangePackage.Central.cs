using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

public sealed partial class ChangePackage
{
    // A project under central package management whose Directory.Packages.props lies above the app (the repository
    // root, outside the files the swap plans): a reference without a version would have no PackageVersion to read
    // (NU1010), so the new one carries its version in VersionOverride, as AddToProject writes it.
    private static bool CentralVersionsOutside(SourceSet sources, string projectPath) =>
        projectPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !sources.PathsEndingWith("Directory.Packages.props").Any();

    private static string WithVersionOverride(string element, string version)
    {
        var end = element.EndsWith("/>", StringComparison.Ordinal) ? element.Length - 2 : element.Length - 1;
        var head = element[..end].TrimEnd();
        return $"{head} VersionOverride=\"{version}\" {element[end..]}";
    }
}
