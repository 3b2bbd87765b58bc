using System.Text.RegularExpressions;

namespace Toolkit.Migrations.Configuring;

/// <summary>
/// Reads and changes one technology choice (<c>technologies: storage: s3</c>) in a <c>toolkit.yaml</c> text
/// by editing that one value in place, so comments, order, quoting style and the rest of the file stay
/// byte for byte as they were.
/// </summary>
public static partial class ToolkitYamlTechnology
{
    /// <summary>The file name looked for at the app root.</summary>
    public const string FileName = "toolkit.yaml";

    [GeneratedRegex(@"^technologies\s*:\s*(#.*)?$")]
    private static partial Regex Section();

    [GeneratedRegex(@"^(?<indent>[ ]+)(?<key>[A-Za-z0-9_\-]+)\s*:[ ]*(?<quote>[""']?)(?<value>[A-Za-z0-9_.\-]*)\k<quote>(?<rest>\s*(#.*)?)$")]
    private static partial Regex Entry();

    /// <summary>The option chosen for <paramref name="category"/>, with its 1-based line, or null when the file does not say.</summary>
    public static (string Value, int Line)? Read(string yaml, string category)
    {
        var found = Find(yaml, category);
        return found is null ? null : (found.Value.Match.Groups["value"].Value, found.Value.Line + 1);
    }

    /// <summary>The text with <paramref name="category"/> set to <paramref name="value"/>, or null when the file has no such entry.</summary>
    public static string? Write(string yaml, string category, string value)
    {
        var found = Find(yaml, category);
        if (found is null) return null;
        var (lines, index, match) = (found.Value.Lines, found.Value.Line, found.Value.Match);
        var group = match.Groups["value"];
        var line = lines[index];
        var hasCarriageReturn = line.EndsWith('\r');
        var body = hasCarriageReturn ? line[..^1] : line;
        lines[index] = body[..group.Index] + value + body[(group.Index + group.Length)..] + (hasCarriageReturn ? "\r" : "");
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The text with <paramref name="category"/> set to <paramref name="value"/>: the entry edited in place, or,
    /// when the section does not list the category, a new entry after its last one (same indentation and line
    /// ending); null when the file has no <c>technologies:</c> section at all.
    /// </summary>
    public static string? Set(string yaml, string category, string value)
    {
        if (Write(yaml, category, value) is { } written) return written;
        var lines = yaml.Split('\n');
        var section = Array.FindIndex(lines, l => Section().IsMatch(l.TrimEnd('\r')));
        if (section < 0) return null;
        var last = section;
        var indent = "  ";
        for (var i = section + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!line.StartsWith(' ')) break;
            var match = Entry().Match(line);
            if (last == section && match.Success) indent = match.Groups["indent"].Value;
            last = i;
        }
        var ending = lines[last].EndsWith('\r') ? "\r" : "";
        var entry = $"{indent}{category}: {value}{ending}";
        var list = lines.ToList();
        // A section at the very end without a final newline: the new entry goes on a line of its own.
        if (last == lines.Length - 1) { list[last] += "\n" + entry.TrimEnd('\r'); return string.Join('\n', list); }
        list.Insert(last + 1, entry);
        return string.Join('\n', list);
    }

    private static (string[] Lines, int Line, Match Match)? Find(string yaml, string category)
    {
        var lines = yaml.Split('\n');
        var inSection = false;
        string? indent = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!inSection)
            {
                inSection = Section().IsMatch(line);
                continue;
            }
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!line.StartsWith(' ')) break; // the next top-level key ends the section
            var match = Entry().Match(line);
            if (!match.Success) continue;
            indent ??= match.Groups["indent"].Value;
            if (match.Groups["indent"].Value != indent) continue; // nested deeper: not a category
            if (match.Groups["key"].Value == category) return (lines, i, match);
        }
        return null;
    }
}
