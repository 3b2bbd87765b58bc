using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Scripts;

/// <summary>
/// Reads the <c>*.sql</c> files of a folder. Like DbUp's file-system provider a script's name is its file name, or
/// with <c>includeSubfolders</c> its path below the folder with <c>.</c> for each separator (<c>v2.0001_x.sql</c>).
/// </summary>
public sealed class FolderScriptProvider(string directory, bool includeSubfolders = false) : IScriptProvider
{
    /// <summary>The folder read.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <inheritdoc />
    public IReadOnlyList<DatabaseScript> GetScripts()
    {
        if (!System.IO.Directory.Exists(Directory))
            throw new DiagnosticException(Diagnostic.Error("db-scripts-missing", $"script folder '{Directory}' does not exist."));
        var files = System.IO.Directory.EnumerateFiles(Directory, "*.sql", includeSubfolders ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Directory, f).Replace(Path.DirectorySeparatorChar, '.'), File.ReadAllText(f), f));
        return ScriptSet.FromFiles(files);
    }
}
