using System.Text;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Scripts.Flyway;

/// <summary>
/// Flyway's placeholder replacement: every <c>${name}</c> in a script (code, strings, comments and dollar bodies alike,
/// as Flyway does it) becomes the value of <c>flyway.placeholders.name</c>; <c>${flyway:defaultSchema}</c>,
/// <c>${flyway:table}</c> and <c>${flyway:filename}</c> are Flyway's own. A placeholder without a value is an error
/// naming the file, line and placeholder, as Flyway refuses it, so nothing runs with a hole in it.
/// </summary>
public static class FlywayPlaceholders
{
    /// <summary>The text of <paramref name="fileName"/> with its placeholders replaced; throws a <see cref="DiagnosticException"/> listing those without a value.</summary>
    public static string Replace(string text, string fileName, string source, FlywaySettings settings)
    {
        if (!settings.PlaceholderReplacement || !text.Contains(settings.PlaceholderPrefix, StringComparison.Ordinal)) return text;
        var (prefix, suffix) = (settings.PlaceholderPrefix, settings.PlaceholderSuffix);
        var result = new StringBuilder(text.Length);
        var missing = new List<Diagnostic>();
        var at = 0;
        while (at < text.Length)
        {
            var start = text.IndexOf(prefix, at, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf(suffix, start + prefix.Length, StringComparison.Ordinal);
            if (start < 0 || end < 0) break;
            var name = text[(start + prefix.Length)..end];
            result.Append(text, at, start - at);
            if (Value(name, fileName, settings) is { } value) result.Append(value);
            else
            {
                missing.Add(Diagnostic.Error("db-flyway-placeholder",
                    $"no value for placeholder {prefix}{name}{suffix}: set flyway.placeholders.{name}=VALUE in flyway.conf (or {name} = \"VALUE\" under [flyway.placeholders] in flyway.toml)",
                    new SourceLocation(source, LineOf(text, start), start - text.LastIndexOf('\n', Math.Max(0, start - 1)))));
                result.Append(text, start, end + suffix.Length - start);
            }
            at = end + suffix.Length;
        }
        if (missing.Count > 0) throw new DiagnosticException(missing);
        return result.Append(text, at, text.Length - at).ToString();
    }

    private static string? Value(string name, string fileName, FlywaySettings settings) =>
        settings.Placeholders.TryGetValue(name, out var value) ? value : name switch
        {
            "flyway:defaultSchema" => settings.DefaultSchema ?? "public",
            "flyway:table" => settings.Table,
            "flyway:filename" => fileName,
            _ => null,
        };

    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++) if (text[i] == '\n') line++;
        return line;
    }
}
