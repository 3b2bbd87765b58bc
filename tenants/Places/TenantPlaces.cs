using System.Collections.Immutable;
using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database;
using Toolkit.Database.Execution;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Places;

/// <summary>
/// Builds and removes one tenant's place (its rows under rls, its schema, or its database) with the
/// shipped isolation scripts, one tenant at a time and at that tenant's own level, so a tiered platform
/// (pooled rls tenants beside silo databases) works. Every step is idempotent: rerunning one that was
/// interrupted finishes it.
/// </summary>
public sealed class TenantPlaces(TenantPlatform platform)
{
    private string Admin => platform.AdminConnectionString;

    /// <summary>Creates the registry (if needed), the tenant's login role and its registry row at <paramref name="level"/>.</summary>
    public async Task<RegisteredTenant> EnsureRoleAsync(TenantNames names, IsolationLevel level, CancellationToken cancellationToken)
    {
        await platform.Registry.EnsureAsync(cancellationToken);
        var vars = TenantProvisioner.Variables(names, level).Add(ScriptVariable.Literal("password", await platform.Registry.PasswordAsync(names.Role, cancellationToken)));
        await IsolationSql.RunAsync(Admin, "common/role.sql", vars, cancellationToken);
        return Registered(names, level);
    }

    /// <summary>Builds <paramref name="tenant"/>'s place at its level, applies every pending script and grants its role access.</summary>
    public async Task<ScriptRunResult> BuildAsync(RegisteredTenant tenant, CancellationToken cancellationToken)
    {
        var vars = TenantProvisioner.Variables(TenantNames.Create(tenant.Id, tenant.Slug), tenant.Isolation);
        if (tenant.Isolation == IsolationLevel.Rls)
        {
            await IsolationSql.RunAsync(Admin, "rls/setup.sql", [], cancellationToken);
            var shared = await Engine(tenant).Build().MigrateAsync(cancellationToken);
            if (!shared.Successful) return shared;
            await IsolationSql.RunAsync(Admin, "rls/grants.sql", [], cancellationToken);
            await IsolationSql.RunAsync(Admin, "rls/tenant_add.sql", vars, cancellationToken);
            return shared;
        }
        if (tenant.Isolation == IsolationLevel.SchemaPerTenant)
            await IsolationSql.RunAsync(Admin, "schema/tenant_add.sql", vars, cancellationToken);
        else
        {
            if (!await DatabaseExistsAsync(tenant.Database, cancellationToken))
                await IsolationSql.RunAsync(Admin, "database/create_database.sql", vars, cancellationToken);
            await IsolationSql.RunAsync(Admin, "database/tenant_add.sql", vars, cancellationToken);
            await IsolationSql.RunAsync(tenant.AdminTarget(Admin).ConnectionString, "database/in_tenant_database.sql", vars, cancellationToken);
        }
        var migration = await Engine(tenant).Build().MigrateAsync(cancellationToken);
        if (migration.Successful) await TenantProvisioner.GrantAsync(Admin, tenant, cancellationToken);
        return migration;
    }

    /// <summary>The journaled scripts engine of <paramref name="tenant"/>'s place (the shared tables under rls).</summary>
    public ScriptEngineBuilder Engine(RegisteredTenant tenant)
    {
        var (target, schema) = tenant.AdminTarget(Admin);
        return TenantFanOut.TenantVariables(ScriptEngineBuilder.For(target).WithScripts(platform.Scripts).InSchema(schema), tenant, schema);
    }

    /// <summary>
    /// Removes the tenant's data at its place: its rows of every shared table (rls), its schema, or its
    /// database (sessions terminated first). The role and registry row stay; see <see cref="DropRoleAsync"/>.
    /// </summary>
    public async Task DropDataAsync(RegisteredTenant tenant, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(Admin, cancellationToken);
        switch (tenant.Isolation)
        {
            case IsolationLevel.Rls:
                await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
                {
                    foreach (var table in (await Data.TenantTables.ListAsync(connection, "app", rls: true, cancellationToken)).Reverse())
                        await ExecAsync(connection, $"DELETE FROM {table.Qualified} WHERE tenant_id = {Data.Sql.Literal(tenant.Id)}", cancellationToken, tx);
                    await ExecAsync(connection, $"REVOKE toolkit_app FROM {Data.Sql.Id(tenant.Role)}", cancellationToken, tx, ifRoleExists: tenant.Role);
                    await tx.CommitAsync(cancellationToken);
                }
                break;
            case IsolationLevel.SchemaPerTenant:
                await ExecAsync(connection, $"DROP SCHEMA IF EXISTS {Data.Sql.Id(tenant.Schema)} CASCADE", cancellationToken);
                break;
            default:
                await ExecAsync(connection, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = {Data.Sql.Literal(tenant.Database)} AND pid <> pg_backend_pid()", cancellationToken);
                await ExecAsync(connection, $"DROP DATABASE IF EXISTS {Data.Sql.Id(tenant.Database)} WITH (FORCE)", cancellationToken);
                break;
        }
    }

    /// <summary>Drops the tenant's role (what it owns and was granted first) and its registry row.</summary>
    public async Task DropRoleAsync(RegisteredTenant tenant, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAsync(Admin, cancellationToken))
        {
            await ExecAsync(connection, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = {Data.Sql.Literal(tenant.Role)}", cancellationToken);
            if (await RoleExistsAsync(connection, tenant.Role, cancellationToken))
                await ExecAsync(connection, $"DROP OWNED BY {Data.Sql.Id(tenant.Role)}; DROP ROLE {Data.Sql.Id(tenant.Role)}", cancellationToken);
        }
        if (await platform.Registry.ExistsAsync(cancellationToken)) await platform.Registry.DeleteAsync(tenant.Id, cancellationToken);
    }

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

    /// <summary>The registry entry for <paramref name="names"/> at <paramref name="level"/>.</summary>
    public static RegisteredTenant Registered(TenantNames names, IsolationLevel level) =>
        new(names.Id, names.Slug, level, names.Role, names.Schema, names.Database);

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

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? tx = null, string? ifRoleExists = null)
    {
        if (ifRoleExists is not null && !await RoleExistsAsync(connection, ifRoleExists, cancellationToken)) return;
        if (ifRoleExists is not null)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = 'toolkit_app'", connection, tx);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null) return;
        }
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A located error for a failed migration of <paramref name="tenant"/>.</summary>
    public static DiagnosticException Failed(RegisteredTenant tenant, ScriptRunResult migration) =>
        new(Diagnostic.Error("tenant-provision", $"applying scripts for tenant '{tenant.Id}' failed at {migration.FailingScript ?? "?"}: {migration.Error}"));
}
