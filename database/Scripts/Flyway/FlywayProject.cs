using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Scripts.Flyway;

/// <summary>
/// A Flyway project read as Flyway reads it: the configuration (<c>flyway.toml</c> or <c>flyway.conf</c>, in the folder
/// or its <c>conf/</c>), then every location scanned <b>recursively</b> (<c>db/migration/v1/</c>, <c>sql/2024/</c>), versions
/// ordered numerically across subfolders, a version used twice an error naming both files, <c>U</c> scripts as the down
/// scripts of their version, <c>R__</c> scripts after the versioned ones, and <c>${placeholders}</c> replaced in the text
/// that runs (checksums stay those of the files, as Flyway's do). A script's name is its file name (Flyway identifies a
/// script by version or description, not by folder), its source the full path. In the top folder of a location every
/// <c>.sql</c> file must be a Flyway name (a stray file there is an error naming it); in a subfolder other <c>.sql</c> files
/// (templates, seeds) are ignored, as Flyway ignores them, unless <c>validateMigrationNaming=true</c>.
/// </summary>
public sealed class FlywayProject : IScriptProvider
{
    /// <summary>The file names a Flyway configuration may have, in the order they are looked for.</summary>
    public static IReadOnlyList<string> ConfigNames { get; } = ["flyway.toml", "flyway.conf", Path.Combine("conf", "flyway.toml"), Path.Combine("conf", "flyway.conf")];

    private FlywayProject(string root, FlywaySettings settings)
    {
        Root = root;
        Settings = settings;
    }

    /// <summary>The folder the project was opened at (relative locations are below it).</summary>
    public string Root { get; }

    /// <summary>What the configuration says.</summary>
    public FlywaySettings Settings { get; }

    /// <summary>
    /// The Flyway project at <paramref name="directory"/>: when it holds a Flyway configuration, or (Flyway's defaults, the
    /// folder itself as the location) when any file in it or below it has a Flyway name; otherwise null (not Flyway).
    /// </summary>
    public static FlywayProject? Find(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) return null;
        if (ConfigNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists) is { } config)
            return new FlywayProject(root, FlywaySettings.From(FlywayConfigFile.Read(config), root, config));
        var flyway = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(f => FlywayNaming.Default.TryParse(Path.GetFileName(f)) is not null);
        return flyway ? new FlywayProject(root, new FlywaySettings { Locations = [root] }) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<DatabaseScript> GetScripts()
    {
        var diagnostics = new List<Diagnostic>();
        var files = new List<ScriptSet.ScriptFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var naming = Settings.Naming;
        foreach (var location in Settings.Locations)
        {
            if (!Directory.Exists(location))
            {
                diagnostics.Add(Diagnostic.Error("db-scripts-missing", $"Flyway location '{location}' does not exist{(Settings.ConfigFile is { } c ? $" (locations in {c})" : "")}.",
                    Settings.ConfigFile is { } file ? new SourceLocation(file, 1, 1) : null));
                continue;
            }
            foreach (var path in Directory.EnumerateFiles(location, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!naming.HasSuffix(path) || !seen.Add(path)) continue;
                var relative = Path.GetRelativePath(location, path).Replace(Path.DirectorySeparatorChar, '/');
                var topLevel = !relative.Contains('/');
                if (naming.TryParse(Path.GetFileName(path)) is { } name) files.Add(new ScriptSet.ScriptFile(name, File.ReadAllText(path, Settings.Encoding), path, relative));
                else if (topLevel || Settings.ValidateMigrationNaming)
                    diagnostics.Add(ScriptSet.NotFlyway(relative, path, naming));
            }
        }
        if (files.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(Diagnostic.Error("db-scripts-none",
                $"no Flyway scripts ({naming.Pattern}) in {string.Join(", ", Settings.Locations)}{(Settings.ConfigFile is { } cf ? $" (the locations {cf} names)" : "")}."));
        return ScriptSet.Build(files, diagnostics, naming, (file, text) => FlywayPlaceholders.Replace(text, file.Name.FileName, file.Source, Settings));
    }
}
