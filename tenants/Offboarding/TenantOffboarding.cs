using Toolkit.Core.Diagnostics;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Backup;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Offboarding;

/// <summary>What an offboarding did.</summary>
public sealed record OffboardingResult(ErasureRecord Record, string RecordPath, BackupResult? Backup);

/// <summary>
/// Offboards one tenant, in an order that never loses data: the confirmation is checked, a backup is
/// written and read back (manifest and checksum), and only then are the tenant's data and role dropped, its
/// config entry removed and the erasure record written. Without the confirmation nothing changes.
/// </summary>
public sealed class TenantOffboarding(TenantPlatform platform)
{
    /// <summary>Offboards <paramref name="slug"/>; <paramref name="confirm"/> must repeat it.</summary>
    public async Task<OffboardingResult> RunAsync(string slug, string? confirm, string? backupDirectory, CancellationToken cancellationToken = default)
    {
        var config = platform.Config();
        var tenant = platform.Tenant(config, slug);
        var location = platform.TenantLocation(config, config.Tenants.ToList().IndexOf(tenant));
        if (confirm != tenant.Slug)
            throw new DiagnosticException(Diagnostic.Error("tenant-confirm",
                confirm is null
                    ? $"offboarding deletes tenant '{tenant.Slug}' (its data, its role and its config entry, after a backup): pass --confirm {tenant.Slug} to go ahead. Nothing was changed"
                    : $"--confirm '{confirm}' does not match tenant '{tenant.Slug}'. Nothing was changed", location));
        var registered = await platform.RegisteredAsync(tenant.Id, cancellationToken);
        var stamp = DateTimeOffset.UtcNow;
        var deleted = new List<ErasedItem>();
        BackupResult? backup = null;
        if (registered is not null)
        {
            var directory = Path.GetFullPath(backupDirectory ?? platform.Paths.TenantBackups);
            var file = Path.Combine(directory, $"{tenant.Slug}-{stamp.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.tar");
            backup = await new TenantBackup(platform).RunAsync(tenant, registered, file, cancellationToken);
            // Read it back before deleting anything: the manifest parses and the bytes are the ones checksummed.
            var reread = await BackupArchive.ReadManifestAsync(backup.Path, cancellationToken);
            if (reread.TotalRows != backup.Manifest.TotalRows || await BackupArchive.Sha256Async(backup.Path, cancellationToken) != backup.Sha256)
                throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"the backup '{backup.Path}' does not read back as written; nothing was deleted", new SourceLocation(backup.Path, 1, 1)));
            deleted.AddRange(backup.Manifest.Tables.Select(t => new ErasedItem("table", t.Name, t.Rows)));
            await platform.Provisioner.DropPlaceAsync(registered, cancellationToken);
            if (registered.Isolation == IsolationLevel.SchemaPerTenant) deleted.Add(new ErasedItem("schema", registered.Schema));
            if (registered.Isolation == IsolationLevel.DbPerTenant) deleted.Add(new ErasedItem("database", registered.Database));
            await platform.Provisioner.DropRoleAsync(registered, cancellationToken);
            deleted.Add(new ErasedItem("role", registered.Role));
        }
        platform.SaveConfig(TenantYamlEditor.Remove(platform.ConfigText(), tenant.Id));
        deleted.Add(new ErasedItem("config-entry", $"{Path.GetFileName(platform.ConfigPath)}: tenants[id={tenant.Id}]"));
        var state = platform.Paths.OnboardingState(tenant.Slug);
        if (File.Exists(state)) File.Delete(state);
        platform.Verifications.Forget(tenant.Id);
        var record = new ErasureRecord(tenant.Id, tenant.Slug, IsolationLevels.Name(registered?.Isolation ?? platform.IsolationOf(config, tenant)), stamp, deleted,
            deleted.Sum(d => d.Rows ?? 0), backup?.Path ?? "", backup?.Sha256 ?? "", backup?.Bytes ?? 0,
            "GDPR Art. 17 (right to erasure): tenant data erased; a backup is kept under the retention policy (compliance.backupRetentionDays)");
        return new OffboardingResult(record, record.Write(platform.Paths.Erasure), backup);
    }
}
