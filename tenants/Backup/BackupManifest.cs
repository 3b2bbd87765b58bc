using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;

namespace Toolkit.Tenants.Backup;

/// <summary>
/// What a tenant backup holds (the archive's <c>manifest.json</c>): the tenant as the config listed it, its
/// isolation level, the scripts its place had applied, and per table the columns, row count and an
/// order-independent checksum of the rows. Table names are relative to the tenant's place (its schema,
/// its database's <c>app</c>, or the shared <c>app</c> tables), so a backup restores at any level.
/// </summary>
public sealed record BackupManifest(
    string Format,
    BackupTenant Tenant,
    string Isolation,
    DateTimeOffset CreatedAt,
    IReadOnlyList<BackupScript> Scripts,
    IReadOnlyList<BackupTable> Tables)
{
    /// <summary>The format this version writes and reads.</summary>
    public const string CurrentFormat = "toolkit-tenant-backup/1";

    /// <summary>Rows over every table.</summary>
    public long TotalRows => Tables.Sum(t => t.Rows);

    private static readonly JsonSerializerOptions Options = CanonicalJson.CreateOptions();

    /// <summary>The manifest as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a manifest; an error naming <paramref name="file"/> when it is not one.</summary>
    public static BackupManifest Parse(string json, string file)
    {
        BackupManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<BackupManifest>(json, Options); }
        catch (JsonException e) { throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"the backup's manifest is not valid: {e.Message}", new SourceLocation(file, 1, 1))); }
        if (manifest is null || manifest.Format != CurrentFormat)
            throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"not a tenant backup of format {CurrentFormat} (found '{manifest?.Format}')", new SourceLocation(file, 1, 1)));
        return manifest;
    }
}

/// <summary>The tenant's config entry, so an offboarded tenant can be restored into the config too.</summary>
public sealed record BackupTenant(string Id, string Slug, string Name, string Subdomain, string? CustomDomain, string Plan);

/// <summary>A script the tenant's place had applied.</summary>
public sealed record BackupScript(string Name, string Checksum);

/// <summary>One table of the backup and its archive entry.</summary>
public sealed record BackupTable(string Name, IReadOnlyList<string> Columns, long Rows, string Checksum, string Entry);
