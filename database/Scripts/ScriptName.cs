using System.Text.RegularExpressions;

namespace Toolkit.Database.Scripts;

/// <summary>Which naming a script file follows.</summary>
public enum ScriptConvention
{
    /// <summary>Ours: <c>NNNN_name.sql</c>, its down script <c>NNNN_name.down.sql</c>.</summary>
    Toolkit,
    /// <summary>Flyway: <c>V1.2__desc.sql</c>, its undo <c>U1.2__desc.sql</c>, repeatable <c>R__desc.sql</c>.</summary>
    Flyway,
    /// <summary>DbUp: any other <c>*.sql</c> name (file or embedded resource), ordered by name; a <c>X.down.sql</c> is the down script of <c>X.sql</c>.</summary>
    DbUp,
}

/// <summary>What a file is in its set.</summary>
public enum ScriptRole
{
    /// <summary>Runs once, in order (an up script).</summary>
    Versioned,
    /// <summary>Undoes a versioned script (ours <c>.down.sql</c>, Flyway's <c>U</c>).</summary>
    Down,
    /// <summary>Flyway's <c>R__</c>: runs after the versioned scripts, and again whenever its text changes.</summary>
    Repeatable,
}

/// <summary>
/// A parsed script file name. <see cref="Key"/> pairs an up script with its down script; <see cref="Version"/> is
/// what <c>rollback --to</c> accepts (the number prefix, Flyway's version, or for DbUp names the name itself).
/// </summary>
public sealed partial record ScriptName(ScriptConvention Convention, ScriptRole Role, string Version, string Label, string FileName)
{
    /// <summary>The up script's file name this name belongs to (a down name maps to its up script).</summary>
    public string Key => Convention switch
    {
        ScriptConvention.Flyway when Role == ScriptRole.Down => "V" + FileName[1..],
        ScriptConvention.DbUp when Role == ScriptRole.Down => Version,
        _ when Role == ScriptRole.Down => FileName[..^".down.sql".Length] + ".sql",
        _ => FileName,
    };

    /// <summary>Parses <paramref name="fileName"/> (no folder) or returns null when it is not a <c>.sql</c> name.</summary>
    public static ScriptName? TryParse(string fileName)
    {
        if (Ours().Match(fileName) is { Success: true } m)
            return new ScriptName(ScriptConvention.Toolkit, m.Groups["d"].Success ? ScriptRole.Down : ScriptRole.Versioned, m.Groups["v"].Value, m.Groups["l"].Value, fileName);
        if (Flyway.FlywayNaming.Default.TryParse(fileName) is { } flyway) return flyway;
        if (DbUpExtension(fileName) is not { } ext || fileName.Length <= ext.Length) return null;
        var downSuffix = ".down" + ext;
        var down = fileName.EndsWith(downSuffix, StringComparison.OrdinalIgnoreCase) && fileName.Length > downSuffix.Length;
        var up = down ? fileName[..^downSuffix.Length] + ext : fileName;
        return new ScriptName(ScriptConvention.DbUp, down ? ScriptRole.Down : ScriptRole.Versioned, up, up[..^ext.Length], fileName);
    }

    /// <summary>
    /// The extensions a script file may have: <c>.sql</c>, and <c>.psql</c> for DbUp names (DbUp runs whatever its filter
    /// admits; projects that filter on <c>.psql</c> keep their scripts under that name).
    /// </summary>
    public static IReadOnlyList<string> Extensions { get; } = [".sql", ".psql"];

    /// <summary>True when <paramref name="fileName"/> ends in one of <see cref="Extensions"/>.</summary>
    public static bool HasScriptExtension(string fileName) => DbUpExtension(fileName) is not null;

    private static string? DbUpExtension(string fileName) => Extensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="fileName"/> is a Flyway <c>V</c>, <c>U</c> or <c>R__</c> name.</summary>
    public static bool IsFlyway(string fileName) => TryParse(fileName)?.Convention == ScriptConvention.Flyway;

    /// <summary>Parses <paramref name="fileName"/>; throws <see cref="ArgumentException"/> naming the value when it is not a script name.</summary>
    public static ScriptName Parse(string fileName) =>
        TryParse(fileName) ?? throw new ArgumentException(
            $"'{fileName}' is not a script name: expected NNNN_name.sql, Flyway's V1__name.sql / U1__name.sql / R__name.sql, or any other NAME.sql (DbUp).",
            nameof(fileName));

    /// <summary>Orders Flyway versions as Flyway does: numerically, part by part (<c>1.2 &lt; 1.10</c>, <c>1 = 1.0</c>).</summary>
    public static int CompareVersions(string x, string y)
    {
        var a = x.Split('.', '_');
        var b = y.Split('.', '_');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var p = i < a.Length ? System.Numerics.BigInteger.Parse(a[i], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var q = i < b.Length ? System.Numerics.BigInteger.Parse(b[i], System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (p != q) return p.CompareTo(q);
        }
        return 0;
    }

    [GeneratedRegex(@"^(?<v>[0-9]{1,9})_(?<l>[a-z0-9][a-z0-9_]*?)(?<d>\.down)?\.sql$")]
    private static partial Regex Ours();
}
