using System.Text.Json;
using Toolkit.Core.Output;
using Toolkit.Core.Serialization;

namespace Toolkit.Tenants.Offboarding;

/// <summary>
/// Evidence of an erasure (GDPR Art. 17): which tenant, what was deleted (tables and row counts, its
/// schema or database, its role, its config entry), when, and the backup kept, with its SHA-256, so a
/// reviewer can match the record to the file. Written as JSON under <c>.toolkit/tenants/erasure/</c>.
/// </summary>
public sealed record ErasureRecord(
    string Tenant,
    string Slug,
    string Isolation,
    DateTimeOffset ErasedAt,
    IReadOnlyList<ErasedItem> Deleted,
    long RowsDeleted,
    string BackupPath,
    string BackupSha256,
    long BackupBytes,
    string Basis)
{
    private static readonly JsonSerializerOptions Options = CanonicalJson.CreateOptions();

    /// <summary>The record as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Writes the record into <paramref name="directory"/>; returns its path.</summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Slug}-{ErasedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json");
        AtomicFile.WriteAllText(path, ToJson() + "\n");
        return path;
    }
}

/// <summary>One thing an offboarding deleted (<c>table</c> with its rows, <c>schema</c>, <c>database</c>, <c>role</c>, <c>config-entry</c>).</summary>
public sealed record ErasedItem(string Kind, string Name, long? Rows = null);
