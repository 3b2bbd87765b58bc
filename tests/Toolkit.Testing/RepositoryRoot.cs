namespace Toolkit.Testing;

/// <summary>Finds files of this repository (examples, fixtures, the shared schemas beside the repo) from a test.</summary>
public static class RepositoryRoot
{
    /// <summary>The directory that holds <c>Toolkit.sln</c>.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path relative to the repository root.</summary>
    public static string Combine(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);

    /// <summary><c>../shared</c> beside the repository (provider schemas, seeds).</summary>
    public static string Shared => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Toolkit.sln"))) return dir.FullName;
        throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }
}
