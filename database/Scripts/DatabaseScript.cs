using System.Security.Cryptography;
using System.Text;

namespace Toolkit.Database.Scripts;

/// <summary>
/// One script: an up script and, when reversible, a down script. <see cref="Name"/> is the up file's name as
/// the journal records it (<c>0003_add_invoices.sql</c>, <c>V3__add_invoices.sql</c>, DbUp's
/// <c>MyApp.Scripts.0003-AddInvoices.sql</c>). A script without a down script is one-way: rolling back past it is
/// refused. A repeatable script (Flyway's <c>R__</c>) runs again whenever its text changes and is never rolled back.
/// </summary>
public sealed record DatabaseScript
{
    /// <summary>Creates a script; <paramref name="name"/> is a <c>.sql</c> name of one of the <see cref="ScriptConvention"/>s.</summary>
    public DatabaseScript(string name, string up, string? down = null, string? sourcePath = null)
    {
        var parsed = ScriptName.Parse(name);
        Name = parsed.Key;
        Parsed = parsed.Role == ScriptRole.Down ? ScriptName.Parse(parsed.Key) : parsed;
        Up = Normalize(up);
        Down = down is null ? null : Normalize(down);
        SourcePath = sourcePath;
        Written = Up;
        Checksum = ComputeChecksum(Up);
    }

    // A script of a Flyway project: its own naming (prefixes, separator), and `up`/`down` with the project's
    // placeholders already replaced while the checksums stay those of the file as written (as Flyway's do).
    internal DatabaseScript(ScriptName parsed, string written, string up, string? down, string? downName, string sourcePath)
    {
        Name = parsed.FileName;
        Parsed = parsed;
        Written = Normalize(written);
        Up = Normalize(up);
        Down = down is null ? null : Normalize(down);
        SourcePath = sourcePath;
        Checksum = ComputeChecksum(Written);
        _downName = downName;
    }

    private readonly string? _downName;

    /// <summary>File name of the up script, for example <c>0003_add_invoices.sql</c>.</summary>
    public string Name { get; }

    /// <summary>The up script's SQL (line ends normalised to <c>\n</c>).</summary>
    public string Up { get; }

    /// <summary>The down script's SQL, or null when the script is one-way.</summary>
    public string? Down { get; }

    /// <summary>Where the up script was read from (a path or a resource name), for messages; null for in-memory scripts.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The up script as its file has it: <see cref="Up"/> before a Flyway project's <c>${placeholders}</c> are replaced.</summary>
    public string Written { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Written"/> (before variables and placeholders are substituted).</summary>
    public string Checksum { get; }

    /// <summary>The parsed up name.</summary>
    public ScriptName Parsed { get; }

    /// <summary>What <c>rollback --to</c> names it by: the number prefix (<c>0003</c>), Flyway's version, or a DbUp name itself.</summary>
    public string Version => Parsed.Version;

    /// <summary>True for Flyway's <c>R__</c> scripts.</summary>
    public bool IsRepeatable => Parsed.Role == ScriptRole.Repeatable;

    /// <summary>True when there is no down script (repeatable scripts are never rolled back, so never one-way).</summary>
    public bool IsOneWay => Down is null && !IsRepeatable;

    /// <summary>Name of the down file (<c>0003_add_invoices.down.sql</c>, Flyway's <c>U3__add_invoices.sql</c>).</summary>
    public string DownName => _downName ?? (Parsed.Convention == ScriptConvention.Flyway ? "U" + Name[1..] : Name[..Name.LastIndexOf('.')] + ".down" + Name[Name.LastIndexOf('.')..]);

    /// <summary>The path or name messages use for the up script.</summary>
    public string DisplayPath => SourcePath ?? Name;

    /// <summary>Lower-case hex SHA-256 of <paramref name="sql"/> after line-end normalisation.</summary>
    public static string ComputeChecksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(sql))));

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
}
