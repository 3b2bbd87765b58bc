using System.Security.Cryptography;
using System.Text;

namespace Toolkit.Database.Scripts;

/// <summary>
/// One migration: an up script and, when reversible, a down script. <see cref="Name"/> is the up file's
/// name (<c>0003_add_invoices.sql</c>); its number prefix is the <see cref="Version"/>. A script without a
/// down script is one-way: rolling back past it is refused.
/// </summary>
public sealed record DatabaseScript
{
    /// <summary>Creates a script; <paramref name="name"/> must look like <c>NNNN_name.sql</c>.</summary>
    public DatabaseScript(string name, string up, string? down = null, string? sourcePath = null)
    {
        Name = ScriptName.Parse(name).FileName;
        Up = Normalize(up);
        Down = down is null ? null : Normalize(down);
        SourcePath = sourcePath;
        Checksum = ComputeChecksum(Up);
    }

    /// <summary>File name of the up script, for example <c>0003_add_invoices.sql</c>.</summary>
    public string Name { get; }

    /// <summary>The up script's SQL (line ends normalised to <c>\n</c>).</summary>
    public string Up { get; }

    /// <summary>The down script's SQL, or null when the script is one-way.</summary>
    public string? Down { get; }

    /// <summary>Where the up script was read from (a path or a resource name), for messages; null for in-memory scripts.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Up"/> as written (before variables are substituted).</summary>
    public string Checksum { get; }

    /// <summary>The number prefix, for example <c>0003</c>.</summary>
    public string Version => ScriptName.Parse(Name).Version;

    /// <summary>True when there is no down script.</summary>
    public bool IsOneWay => Down is null;

    /// <summary>Name of the down file (<c>0003_add_invoices.down.sql</c>).</summary>
    public string DownName => Name[..^4] + ".down.sql";

    /// <summary>The path or name messages use for the up script.</summary>
    public string DisplayPath => SourcePath ?? Name;

    /// <summary>Lower-case hex SHA-256 of <paramref name="sql"/> after line-end normalisation.</summary>
    public static string ComputeChecksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(sql))));

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
}
