using System.Text;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Scripts.Flyway;

/// <summary>
/// What a Flyway project's configuration says about its scripts and journal: the folders Flyway scans (recursively),
/// how it names scripts, its <c>${placeholders}</c>, the history table's name and the default schema.
/// </summary>
public sealed record FlywaySettings
{
    /// <summary>The configuration file read, or null for Flyway's defaults.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The folders scanned, recursively, as absolute paths.</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];

    /// <summary>The file naming (<c>sqlMigrationPrefix</c>, <c>sqlMigrationSeparator</c>, ...).</summary>
    public FlywayNaming Naming { get; init; } = FlywayNaming.Default;

    /// <summary><c>flyway.placeholders.NAME=VALUE</c>.</summary>
    public IReadOnlyDictionary<string, string> Placeholders { get; init; } = new Dictionary<string, string>();

    /// <summary><c>placeholderPrefix</c> (default <c>${</c>).</summary>
    public string PlaceholderPrefix { get; init; } = "${";

    /// <summary><c>placeholderSuffix</c> (default <c>}</c>).</summary>
    public string PlaceholderSuffix { get; init; } = "}";

    /// <summary><c>placeholderReplacement</c> (default true).</summary>
    public bool PlaceholderReplacement { get; init; } = true;

    /// <summary><c>table</c>: the history table's name (default <c>flyway_schema_history</c>).</summary>
    public string Table { get; init; } = DefaultTable;

    /// <summary><c>defaultSchema</c>, else the first of <c>schemas</c>; null when neither is set (the connection's, <c>public</c>).</summary>
    public string? DefaultSchema { get; init; }

    /// <summary><c>validateMigrationNaming</c>: a <c>.sql</c> file in a subfolder that is not a Flyway name is an error instead of ignored.</summary>
    public bool ValidateMigrationNaming { get; init; }

    /// <summary>The encoding scripts are read in (<c>encoding</c>, default UTF-8).</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(false);

    /// <summary>Flyway's history table name when nothing else is configured.</summary>
    public const string DefaultTable = "flyway_schema_history";

    /// <summary>
    /// The settings <paramref name="keys"/> (as <see cref="FlywayConfigFile"/> reads them) give, for a project rooted at
    /// <paramref name="root"/>: relative locations are under the root; <c>classpath:X</c> is <c>src/main/resources/X</c>
    /// (where Maven and Gradle keep it) or else <c>X</c>; without <c>locations</c>, <c>sql</c> when the root has one
    /// (Flyway's own default), else the root itself. Every bad value is reported at once, naming the file and key.
    /// </summary>
    public static FlywaySettings From(IReadOnlyDictionary<string, string> keys, string root, string? configFile)
    {
        var problems = new List<Diagnostic>();
        var at = new SourceLocation(configFile ?? root, 1, 1);
        string Get(string key, string fallback) => keys.TryGetValue(key, out var v) ? v : fallback;
        List<string> List(string key) => Get(key, "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        bool Flag(string key, bool fallback)
        {
            if (!keys.TryGetValue(key, out var v)) return fallback;
            if (bool.TryParse(v, out var b)) return b;
            problems.Add(Diagnostic.Error("db-flyway-config", $"{key} is '{v}', not true or false.", at));
            return fallback;
        }

        var locations = new List<string>();
        foreach (var location in keys.ContainsKey("locations") ? List("locations") : [Directory.Exists(Path.Combine(root, "sql")) ? "filesystem:sql" : "filesystem:."])
        {
            var colon = location.IndexOf(':');
            var scheme = colon > 1 ? location[..colon] : "classpath";
            var path = colon > 1 ? location[(colon + 1)..] : location;
            if (scheme == "filesystem") locations.Add(Path.GetFullPath(Path.Combine(root, path)));
            else if (scheme == "classpath")
            {
                var relative = path.TrimStart('/');
                var resources = Path.Combine(root, "src", "main", "resources", relative);
                locations.Add(Path.GetFullPath(Directory.Exists(resources) ? resources : Path.Combine(root, relative)));
            }
            else problems.Add(Diagnostic.Error("db-flyway-config", $"location '{location}' is not on this machine's file system: give filesystem:PATH or classpath:PATH.", at));
        }

        var suffixes = keys.ContainsKey("sqlMigrationSuffixes") ? List("sqlMigrationSuffixes") : [".sql"];
        var naming = new FlywayNaming(Get("sqlMigrationPrefix", "V"), Get("undoSqlMigrationPrefix", "U"), Get("repeatableSqlMigrationPrefix", "R"),
            Get("sqlMigrationSeparator", "__"), suffixes.Count == 0 ? [".sql"] : suffixes);
        if (naming.Separator.Length == 0) problems.Add(Diagnostic.Error("db-flyway-config", "sqlMigrationSeparator is empty: Flyway needs one between version and description.", at));

        var placeholders = keys.Where(k => k.Key.StartsWith("placeholders.", StringComparison.Ordinal))
            .ToDictionary(k => k.Key["placeholders.".Length..], k => k.Value, StringComparer.Ordinal);

        var encoding = (Encoding)new UTF8Encoding(false);
        if (keys.TryGetValue("encoding", out var name) && !name.Replace("-", "", StringComparison.Ordinal).Equals("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            try { encoding = Encoding.GetEncoding(name); }
            catch (ArgumentException) { problems.Add(Diagnostic.Error("db-flyway-config", $"encoding '{name}' is not one this machine can read: use UTF-8 or ISO-8859-1.", at)); }
        }

        var schema = keys.TryGetValue("defaultSchema", out var s) && s.Length > 0 ? s : List("schemas").FirstOrDefault();
        var replacement = Flag("placeholderReplacement", true);
        var validate = Flag("validateMigrationNaming", false);
        if (problems.Count > 0) throw new DiagnosticException(problems);
        return new FlywaySettings
        {
            ConfigFile = configFile,
            Locations = locations.Distinct(StringComparer.Ordinal).ToList(),
            Naming = naming,
            Placeholders = placeholders,
            PlaceholderPrefix = Get("placeholderPrefix", "${"),
            PlaceholderSuffix = Get("placeholderSuffix", "}"),
            PlaceholderReplacement = replacement,
            Table = Get("table", DefaultTable),
            DefaultSchema = schema,
            ValidateMigrationNaming = validate,
            Encoding = encoding,
        };
    }
}
