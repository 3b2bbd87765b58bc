namespace Toolkit.Database.Scripts.Flyway;

/// <summary>
/// How a Flyway project names its scripts: <c>prefix VERSION separator DESCRIPTION suffix</c> (defaults
/// <c>V1.2__add_x.sql</c>), undo <c>U1.2__add_x.sql</c>, repeatable <c>R__views.sql</c>; Flyway's
/// <c>sqlMigrationPrefix</c>, <c>undoSqlMigrationPrefix</c>, <c>repeatableSqlMigrationPrefix</c>,
/// <c>sqlMigrationSeparator</c> and <c>sqlMigrationSuffixes</c> change them.
/// </summary>
public sealed record FlywayNaming(string VersionedPrefix, string UndoPrefix, string RepeatablePrefix, string Separator, IReadOnlyList<string> Suffixes)
{
    /// <summary>Flyway's defaults: <c>V</c>, <c>U</c>, <c>R</c>, <c>__</c>, <c>.sql</c>.</summary>
    public static FlywayNaming Default { get; } = new("V", "U", "R", "__", [".sql"]);

    /// <summary>
    /// Parses a file name (no folder) as Flyway does, or returns null when it is not a Flyway name: the repeatable
    /// prefix and separator first, then the undo and the versioned prefix followed by a version (digits, parts split
    /// by <c>.</c> or <c>_</c>) and the separator, and a description that is not empty.
    /// </summary>
    public ScriptName? TryParse(string fileName)
    {
        if (Suffixes.FirstOrDefault(s => fileName.EndsWith(s, StringComparison.Ordinal)) is not { } suffix) return null;
        var stem = fileName[..^suffix.Length];
        if (RepeatablePrefix.Length > 0 && stem.StartsWith(RepeatablePrefix + Separator, StringComparison.Ordinal))
        {
            var label = stem[(RepeatablePrefix.Length + Separator.Length)..];
            return label.Length == 0 ? null : new ScriptName(ScriptConvention.Flyway, ScriptRole.Repeatable, "", label, fileName);
        }
        // Undo before versioned: with an empty versioned prefix every name would otherwise be a candidate.
        foreach (var (prefix, role) in new[] { (UndoPrefix, ScriptRole.Down), (VersionedPrefix, ScriptRole.Versioned) })
        {
            if (role == ScriptRole.Down && prefix.Length == 0) continue;
            if (!stem.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = stem[prefix.Length..];
            var at = rest.IndexOf(Separator, StringComparison.Ordinal);
            if (at <= 0 || at + Separator.Length >= rest.Length) continue;
            var version = rest[..at];
            if (!IsVersion(version)) continue;
            return new ScriptName(ScriptConvention.Flyway, role, version, rest[(at + Separator.Length)..], fileName);
        }
        return null;
    }

    /// <summary>True when <paramref name="fileName"/> ends in one of <see cref="Suffixes"/>.</summary>
    public bool HasSuffix(string fileName) => Suffixes.Any(s => fileName.EndsWith(s, StringComparison.Ordinal));

    /// <summary>The undo file name Flyway would pair with the versioned <paramref name="versioned"/>.</summary>
    public string UndoNameOf(ScriptName versioned) => UndoPrefix + versioned.FileName[VersionedPrefix.Length..];

    /// <summary>What a versioned name looks like, for messages: <c>V&lt;version&gt;__&lt;description&gt;.sql</c>.</summary>
    public string Pattern => $"{VersionedPrefix}<version>{Separator}<description>{Suffixes[0]}";

    // Digits, with `.` or `_` between parts (Flyway reads V1_10 as 1.10).
    private static bool IsVersion(string text)
    {
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1])) return false;
        for (var i = 0; i < text.Length; i++)
            if (!char.IsAsciiDigit(text[i]) && !((text[i] is '.' or '_') && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))) return false;
        return true;
    }
}
