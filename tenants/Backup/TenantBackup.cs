using Toolkit.Core.Diagnostics;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Data;
using Toolkit.Tenants.Places;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Backup;

/// <summary>A written backup: where, its SHA-256 and size, and its manifest.</summary>
public sealed record BackupResult(string Path, string Sha256, long Bytes, BackupManifest Manifest);

/// <summary>
/// Backs up one tenant's data only: every table of its schema or its database, or under rls its rows of
/// every shared tenant table, read in one repeatable-read snapshot with binary COPY, with a manifest.
/// </summary>
public sealed class TenantBackup(TenantPlatform platform)
{
    /// <summary>Writes the backup of <paramref name="slug"/> to <paramref name="file"/>.</summary>
    public async Task<BackupResult> RunAsync(string slug, string file, CancellationToken cancellationToken = default)
    {
        var config = platform.Config();
        var tenant = platform.Tenant(config, slug);
        var registered = await platform.RegisteredAsync(tenant.Id, cancellationToken)
            ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown", $"tenant '{slug}' is in the config but has no database side: onboard or provision it first", platform.TenantLocation(config, config.Tenants.ToList().IndexOf(tenant))));
        return await RunAsync(tenant, registered, file, cancellationToken);
    }

    /// <summary>Writes the backup of a known tenant to <paramref name="file"/>.</summary>
    public async Task<BackupResult> RunAsync(TenantConfig tenant, RegisteredTenant registered, string file, CancellationToken cancellationToken = default)
    {
        file = Path.GetFullPath(file);
        if (Directory.Exists(file))
            throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"--out '{file}' is a directory: name a file", new SourceLocation(file, 1, 1)));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var scripts = (await platform.Provisioner.Engine(registered).Build().StatusAsync(cancellationToken)).Applied
            .Select(s => new BackupScript(s.Name, s.Checksum)).ToList();
        var work = Directory.CreateTempSubdirectory("toolkit-tenant-backup-");
        try
        {
            var (target, schema) = registered.AdminTarget(platform.AdminConnectionString);
            var rls = registered.Isolation == IsolationLevel.Rls;
            var tables = new List<BackupTable>();
            await using (var connection = await TenantPlaces.OpenAsync(target, cancellationToken))
            await using (var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken))
            {
                var index = 0;
                foreach (var table in await TenantTables.ListAsync(connection, schema, rls, cancellationToken))
                {
                    var entry = $"data/{++index:000}-{table.Name}.copy";
                    await using var output = File.Create(Path.Combine(work.FullName, Path.GetFileName(entry)));
                    var copied = await TableCopy.ExportAsync(connection, table, rls ? registered.Id : null, output, cancellationToken);
                    tables.Add(new BackupTable(table.Name, table.Columns, copied.Rows, copied.Checksum, entry));
                }
                await snapshot.CommitAsync(cancellationToken);
            }
            var manifest = new BackupManifest(BackupManifest.CurrentFormat,
                new BackupTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.Subdomain, tenant.CustomDomain, tenant.Plan),
                IsolationLevels.Name(registered.Isolation), DateTimeOffset.UtcNow, scripts, tables);
            var sha = await BackupArchive.WriteAsync(file, manifest, work.FullName, cancellationToken);
            return new BackupResult(file, sha, new FileInfo(file).Length, manifest);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
