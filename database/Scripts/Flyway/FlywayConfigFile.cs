using System.Globalization;
using System.Text;
using Toolkit.Core.Diagnostics;
using Tomlyn;
using Tomlyn.Model;

namespace Toolkit.Database.Scripts.Flyway;

/// <summary>
/// The settings of a <c>flyway.conf</c> (Java properties, <c>flyway.key=value</c>) or <c>flyway.toml</c> (<c>[flyway]</c>,
/// <c>[flyway.placeholders]</c>, and <c>[environments.NAME]</c> for the environment <c>flyway.environment</c> names),
/// as flat keys without the <c>flyway.</c> prefix (<c>locations</c>, <c>placeholders.name</c>); lists are joined with
/// commas, as the <c>.conf</c> form writes them.
/// </summary>
public static class FlywayConfigFile
{
    /// <summary>Reads <paramref name="path"/>; a syntax error is a <see cref="DiagnosticException"/> naming the file and line.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var text = File.ReadAllText(path);
        return path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) ? ReadToml(text, path) : ReadProperties(text, path);
    }

    /// <summary>Java properties: <c>key=value</c>, <c>key: value</c>, <c>#</c>/<c>!</c> comments, a trailing backslash continues the line.</summary>
    public static IReadOnlyDictionary<string, string> ReadProperties(string text, string path)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var first = i;
            var line = lines[i].TrimStart();
            if (line.Length == 0 || line[0] is '#' or '!') continue;
            // An odd number of trailing backslashes continues the value on the next line, without its indentation.
            while (TrailingBackslashes(line) % 2 == 1 && i + 1 < lines.Length) line = line[..^1] + lines[++i].TrimStart();
            var at = line.IndexOfAny(['=', ':']);
            var key = (at < 0 ? line : line[..at]).Trim();
            var value = at < 0 ? "" : Unescape(line[(at + 1)..].Trim());
            if (!key.StartsWith("flyway.", StringComparison.Ordinal)) continue;
            if (key.Length == "flyway.".Length)
                throw new DiagnosticException(Diagnostic.Error("db-flyway-config", "a setting has no name after 'flyway.'.", new SourceLocation(path, first + 1, 1)));
            settings[key["flyway.".Length..]] = value;
        }
        return settings;
    }

    /// <summary>Flyway 10's TOML: the <c>[flyway]</c> table and the chosen environment's <c>schemas</c>.</summary>
    public static IReadOnlyDictionary<string, string> ReadToml(string text, string path)
    {
        TomlTable model;
        try { model = TomlSerializer.Deserialize<TomlTable>(text)!; }
        catch (TomlException error)
        {
            throw new DiagnosticException(Diagnostic.Error("db-flyway-config", $"{Path.GetFileName(path)} is not valid TOML: {error.Message}", new SourceLocation(path, 1, 1)));
        }
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (model.TryGetValue("flyway", out var f) && f is TomlTable flyway) Flatten(flyway, "", settings);
        var environment = settings.GetValueOrDefault("environment", "default");
        if (model.TryGetValue("environments", out var e) && e is TomlTable environments && environments.TryGetValue(environment, out var env) && env is TomlTable chosen)
            foreach (var key in new[] { "schemas", "defaultSchema" })
                if (chosen.TryGetValue(key, out var value) && !settings.ContainsKey(key)) settings[key] = Scalar(value);
        return settings;
    }

    private static void Flatten(TomlTable table, string prefix, Dictionary<string, string> into)
    {
        foreach (var (key, value) in table)
        {
            if (value is TomlTable inner) Flatten(inner, prefix + key + ".", into);
            else into[prefix + key] = Scalar(value);
        }
    }

    private static string Scalar(object? value) => value switch
    {
        TomlArray array => string.Join(',', array.Select(Scalar)),
        bool b => b ? "true" : "false",
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    private static int TrailingBackslashes(string line)
    {
        var n = 0;
        while (n < line.Length && line[^(n + 1)] == '\\') n++;
        return n;
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length) { text.Append(value[i]); continue; }
            var c = value[++i];
            if (c == 'u' && i + 4 < value.Length && int.TryParse(value.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 4;
            }
            else text.Append(c switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => c });
        }
        return text.ToString();
    }
}
