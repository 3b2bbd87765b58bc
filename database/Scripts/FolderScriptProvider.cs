using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Scripts;

/// <summary>Reads <c>*.sql</c> files directly in a folder (not its subfolders).</summary>
public sealed class FolderScriptProvider(string directory) : IScriptProvider
{
    /// <summary>The folder read.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <inheritdoc />
    public IReadOnlyList<DatabaseScript> GetScripts()
    {
        if (!System.IO.Directory.Exists(Directory))
            throw new DiagnosticException(Diagnostic.Error("db-scripts-missing", $"script folder '{Directory}' does not exist."));
        var files = System.IO.Directory.EnumerateFiles(Directory, "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f), f));
        return ScriptSet.FromFiles(files);
    }
}
