using System.Text.RegularExpressions;

namespace Toolkit.Database.Scripts;

/// <summary>A parsed script file name: <c>NNNN_name.sql</c> (up) or <c>NNNN_name.down.sql</c> (down).</summary>
public sealed partial record ScriptName(string Version, string Label, bool IsDown)
{
    /// <summary>The up script's file name this name belongs to.</summary>
    public string FileName => $"{Version}_{Label}.sql";

    /// <summary>Parses <paramref name="fileName"/> or returns null when it is not a script name.</summary>
    public static ScriptName? TryParse(string fileName)
    {
        var match = Pattern().Match(fileName);
        return match.Success ? new ScriptName(match.Groups["v"].Value, match.Groups["l"].Value, match.Groups["d"].Success) : null;
    }

    /// <summary>Parses <paramref name="fileName"/>; throws <see cref="ArgumentException"/> naming the value when it is not a script name.</summary>
    public static ScriptName Parse(string fileName) =>
        TryParse(fileName) ?? throw new ArgumentException(
            $"'{fileName}' is not a script name: expected NNNN_name.sql or NNNN_name.down.sql (digits, underscore, lower-case letters, digits or underscores).",
            nameof(fileName));

    [GeneratedRegex(@"^(?<v>[0-9]{1,9})_(?<l>[a-z0-9][a-z0-9_]*?)(?<d>\.down)?\.sql$")]
    private static partial Regex Pattern();
}
