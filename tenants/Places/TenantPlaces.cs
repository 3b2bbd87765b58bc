using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Places;

/// <summary>
/// What the lifecycle verbs ask about a tenant's place (its rows, whether its database or role exists).
/// Building and removing a place is <see cref="TenantProvisioner"/>'s job: the one place that knows where
/// a tenant lives.
/// </summary>
public sealed class TenantPlaces(TenantPlatform platform)
{
    private string Admin => platform.AdminConnectionString;

    /// <summary>True when <paramref name="tenant"/>'s place holds any row of its own.</summary>
    public async Task<long> RowCountAsync(RegisteredTenant tenant, CancellationToken cancellationToken)
    {
        if (tenant.Isolation == IsolationLevel.DbPerTenant && !await DatabaseExistsAsync(tenant.Database, cancellationToken)) return 0;
        var (target, schema) = tenant.AdminTarget(Admin);
        await using var connection = await OpenAsync(target, cancellationToken);
        long total = 0;
        foreach (var table in await Data.TenantTables.ListAsync(connection, schema, tenant.Isolation == IsolationLevel.Rls, cancellationToken))
        {
            var where = tenant.Isolation == IsolationLevel.Rls ? $" WHERE tenant_id = {Data.Sql.Literal(tenant.Id)}" : "";
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table.Qualified}{where}", connection);
            total += (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        return total;
    }

    /// <summary>True when database <paramref name="name"/> exists.</summary>
    public async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(Admin, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        command.Parameters.AddWithValue("n", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>True when role <paramref name="role"/> exists.</summary>
    public async Task<bool> RoleExistsAsync(string role, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(Admin, cancellationToken);
        return await RoleExistsAsync(connection, role, cancellationToken);
    }

    /// <summary>Opens a connection.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<bool> RoleExistsAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = @r", connection);
        command.Parameters.AddWithValue("r", role);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>A located error for a failed migration of <paramref name="tenant"/>.</summary>
    public static DiagnosticException Failed(RegisteredTenant tenant, ScriptRunResult migration) =>
        new(Diagnostic.Error("tenant-provision", $"applying scripts for tenant '{tenant.Id}' failed at {migration.FailingScript ?? "?"}: {migration.Error}"));
}
