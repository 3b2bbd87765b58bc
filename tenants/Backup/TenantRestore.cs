using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Data;
using Toolkit.Tenants.Places;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Backup;

/// <summary>What a restore did.</summary>
public sealed record RestoreResult(string TenantId, IsolationLevel Isolation, long Rows, IReadOnlyList<CopiedTable> Tables, bool AddedToConfig, bool Replaced);

/// <summary>
/// Restores a tenant backup into the tenant's place: its level from the config (or, for a tenant no longer
/// listed, from the backup, which then puts it back in the config), the place built with the platform's
/// scripts, and the rows loaded in one transaction that commits only when every table's count and checksum
/// equal the manifest's. Live data is never overwritten without <c>replace</c>.
/// </summary>
public sealed class TenantRestore(TenantPlatform platform)
{
    /// <summary>Restores <paramref name="file"/> as tenant <paramref name="slug"/>.</summary>
    public async Task<RestoreResult> RunAsync(string slug, string file, bool replace, CancellationToken cancellationToken = default)
    {
        var manifest = await BackupArchive.ReadManifestAsync(file, cancellationToken);
        if (manifest.Tenant.Slug != slug)
            throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"'{file}' is a backup of tenant '{manifest.Tenant.Slug}', not '{slug}'", new SourceLocation(file, 1, 1)));
        var config = platform.Config();
        var listed = config.Tenants.FirstOrDefault(t => t.Slug == slug);
        var names = TenantNames.Create(manifest.Tenant.Id, manifest.Tenant.Slug);
        var level = listed is not null ? platform.IsolationOf(config, listed) : IsolationLevels.Parse(manifest.Isolation);
        CheckScripts(manifest, file);
        var places = new TenantPlaces(platform);
        var before = await platform.RegisteredAsync(names.Id, cancellationToken);
        var location = listed is null ? platform.TenantsLocation(config) : platform.TenantLocation(config, config.Tenants.ToList().IndexOf(listed));
        if (before is not null && before.Isolation != level)
            throw new DiagnosticException(Diagnostic.Error("tenant-isolation", $"tenant '{slug}' lives under {IsolationLevels.Name(before.Isolation)} but the config says {IsolationLevels.Name(level)}: move it first", location));
        var live = before is null ? 0 : await places.RowCountAsync(before, cancellationToken);
        if (live > 0 && !replace)
            throw new DiagnosticException(Diagnostic.Error("tenant-live-data",
                $"tenant '{slug}' holds {live} live rows; restoring would overwrite them. Back it up first, then pass --replace. Nothing was changed", location));

        var registered = await platform.Provisioner.EnsureRoleAsync(names, level, cancellationToken);
        var built = await platform.Provisioner.BuildPlaceAsync(registered, cancellationToken);
        if (!built.Successful) throw TenantPlaces.Failed(registered, built);
        IReadOnlyList<CopiedTable> loaded;
        try
        {
            loaded = await LoadAsync(registered, manifest, file, cancellationToken);
        }
        catch when (before is null)
        {
            // The tenant had no place before this restore: leave nothing behind.
            await platform.Provisioner.DropPlaceAsync(registered, CancellationToken.None);
            await platform.Provisioner.DropRoleAsync(registered, CancellationToken.None);
            throw;
        }
        var added = false;
        if (listed is null)
        {
            var t = manifest.Tenant;
            var entry = new TenantConfig
            {
                Id = t.Id, Name = t.Name, Slug = t.Slug, Subdomain = t.Subdomain, CustomDomain = t.CustomDomain, Plan = t.Plan,
                Isolation = level == config.Architecture.Isolation ? null : level,
            };
            platform.SaveConfig(TenantYamlEditor.Add(platform.ConfigText(), entry));
            added = true;
        }
        return new RestoreResult(names.Id, level, loaded.Sum(t => t.Rows), loaded, added, live > 0);
    }

    private async Task<IReadOnlyList<CopiedTable>> LoadAsync(RegisteredTenant tenant, BackupManifest manifest, string file, CancellationToken cancellationToken)
    {
        var (target, schema) = tenant.AdminTarget(platform.AdminConnectionString);
        var rls = tenant.Isolation == IsolationLevel.Rls;
        await using var connection = await TenantPlaces.OpenAsync(target, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tables = (await TenantTables.ListAsync(connection, schema, rls, cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        // The tenant's own tables are emptied with one TRUNCATE (inside the transaction, so a failed restore
        // rolls it back); shared rls tables lose only the tenant's rows.
        var clears = rls
            ? tables.Values.Reverse().Select(t => $"DELETE FROM {t.Qualified} WHERE tenant_id = {Sql.Literal(tenant.Id)}").ToList()
            : tables.Count == 0 ? [] : [$"TRUNCATE {string.Join(", ", tables.Values.Select(t => t.Qualified))}"];
        foreach (var sql in clears)
        {
            await using var clear = new NpgsqlCommand(sql, connection, transaction);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        var loaded = new List<CopiedTable>();
        await BackupArchive.ReadTablesAsync(file, manifest, async (entry, data) =>
        {
            if (!tables.TryGetValue(entry.Name, out var table) || entry.Columns.Except(table.Columns).FirstOrDefault() is { } missing && missing.Length > 0)
                throw new DiagnosticException(Diagnostic.Error("tenant-restore",
                    $"table {entry.Name} of the backup has no place at tenant '{tenant.Id}' (missing table or column): restore with the scripts the backup was made with", new SourceLocation(file, 1, 1)));
            var copied = await TableCopy.ImportAsync(connection, table with { Columns = entry.Columns }, data, cancellationToken);
            var now = await TableCopy.MeasureAsync(connection, table with { Columns = entry.Columns }, rls ? tenant.Id : null, cancellationToken);
            if (now.Rows != entry.Rows || now.Checksum != entry.Checksum || copied.Checksum != entry.Checksum)
                throw new DiagnosticException(Diagnostic.Error("tenant-restore",
                    $"table {entry.Name}: the backup says {entry.Rows} rows ({entry.Checksum}), the database holds {now.Rows} ({now.Checksum}); nothing was restored", new SourceLocation(file, 1, 1)));
            await TableCopy.AdvanceSequencesAsync(connection, table, transaction, cancellationToken);
            loaded.Add(now);
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return loaded;
    }

    private void CheckScripts(BackupManifest manifest, string file)
    {
        var shipped = platform.Scripts.GetScripts().ToDictionary(s => s.Name, s => s.Checksum, StringComparer.Ordinal);
        foreach (var script in manifest.Scripts)
            if (!shipped.TryGetValue(script.Name, out var checksum) || checksum != script.Checksum)
                throw new DiagnosticException(Diagnostic.Error("tenant-restore",
                    $"the backup was made after script {script.Name}, which the platform's scripts {(checksum is null ? "do not have" : "have with different contents")}: pass --scripts with the scripts it was made with", new SourceLocation(file, 1, 1)));
    }
}
