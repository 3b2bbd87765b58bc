using Toolkit.Core.Diagnostics;
using Toolkit.Database.Scripts.Flyway;

namespace Toolkit.Database.Scripts;

/// <summary>
/// Reads the <c>*.sql</c> (and DbUp <c>*.psql</c>) files of a folder; other files (a README) are ignored, but a folder
/// with files and no script is an error. Like DbUp's file-system provider a script's name is its file name, or
/// with <c>includeSubfolders</c> its path below the folder with <c>.</c> for each separator (<c>v2.0001_x.sql</c>).
/// A Flyway project (a <c>flyway.conf</c>/<c>flyway.toml</c>, or Flyway names anywhere below) is read as Flyway reads
/// it, subfolders included: see <see cref="FlywayProject"/>.
/// </summary>
public sealed class FolderScriptProvider(string directory, bool includeSubfolders = false) : IScriptProvider
{
    /// <summary>The folder read.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The folder as a Flyway project, or null when it is not one (as it is now on disk).</summary>
    public FlywayProject? Flyway => FlywayProject.Find(Directory);

    /// <inheritdoc />
    public IReadOnlyList<DatabaseScript> GetScripts()
    {
        if (!System.IO.Directory.Exists(Directory))
            throw new DiagnosticException(Diagnostic.Error("db-scripts-missing", $"script folder '{Directory}' does not exist."));
        if (Flyway is { } flyway) return flyway.GetScripts();
        var all = System.IO.Directory.EnumerateFiles(Directory, "*", includeSubfolders ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).ToList();
        var scripts = all.Where(f => ScriptName.HasScriptExtension(f)).ToList();
        // A folder of files none of which is a script would otherwise "migrate" nothing and report success.
        if (scripts.Count == 0 && all.Count > 0)
            throw new DiagnosticException(Diagnostic.Error("db-scripts-none",
                $"script folder '{Directory}' has {all.Count} file(s) but no scripts ({string.Join(", ", all.Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(3))}" +
                $"{(all.Count > 3 ? ", ..." : "")}): script files end in {string.Join(" or ", ScriptName.Extensions)}."));
        var files = scripts
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Directory, f).Replace(Path.DirectorySeparatorChar, '.'), File.ReadAllText(f), f));
        return ScriptSet.FromFiles(files);
    }
}
