namespace Toolkit.Transforms.Semantics;

/// <summary>
/// The files MSBuild and NuGet read besides a project, found as they find them: walking up from the
/// project's folder to the repository root (the folder holding <c>.git</c>), or the filesystem root outside one. <c>Directory.Build.props</c>, <c>Directory.Packages.props</c>
/// and the others are usually at the repository root, above the app; every NuGet.config on the way
/// counts (NuGet merges them). All found are kept, so an upper file a nearer one imports is there too.
/// </summary>
public static class ProjectSideFiles
{
    private static readonly string[] Names =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "global.json"];

    /// <summary>Absolute paths of the side files of the project in <paramref name="projectFolder"/>, nearest first.</summary>
    public static IReadOnlyList<string> Find(string projectFolder)
    {
        var found = new List<string>();
        for (var folder = new DirectoryInfo(Path.GetFullPath(projectFolder)); folder is not null; folder = folder.Parent)
        {
            IEnumerable<FileInfo> files;
            try
            {
                files = folder.EnumerateFiles().ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue; // a folder we may not list is one MSBuild cannot read either
            }
            // The names as they are on disk (NuGet.config, nuget.config...), in a fixed order.
            found.AddRange(files.Where(f => Names.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).Select(f => f.FullName).Order(StringComparer.Ordinal));
            // The repository is the app: what lies above it is not part of it (nor of the build's scratch copy).
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git"))) break;
        }
        return found;
    }

    /// <summary>True when a side file is a NuGet configuration.</summary>
    public static bool IsNuGetConfig(string path) => Path.GetFileName(path).Equals("NuGet.config", StringComparison.OrdinalIgnoreCase);

    /// <summary>The nearest <c>Directory.Packages.props</c> (central package versions), or null.</summary>
    public static string? CentralVersions(IReadOnlyList<string> sideFiles) =>
        sideFiles.FirstOrDefault(f => Path.GetFileName(f).Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase));

    /// <summary>The folder that holds the project and every side file: the scratch copy mirrors the layout below it.</summary>
    public static string CommonRoot(string projectFolder, IReadOnlyList<string> sideFiles)
    {
        var root = Path.GetFullPath(projectFolder);
        foreach (var folder in sideFiles.Select(Path.GetDirectoryName).OfType<string>())
            while (!IsAtOrBelow(folder, root)) root = Path.GetDirectoryName(root) ?? throw new InvalidDataException($"{folder}: not below {projectFolder}'s filesystem root.");
        return root;
    }

    private static bool IsAtOrBelow(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
