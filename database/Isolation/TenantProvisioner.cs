using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Engines;
using Toolkit.Database.Execution;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>What provisioning did for one tenant (or the shared rls tables).</summary>
public sealed record ProvisionedTenant(string Id, IsolationLevel Isolation, ScriptRunResult Migration);

/// <summary>
/// Provisions tenant isolation on PostgreSQL by scripts: the registry, then per level the shared rls tables
/// and policies, or a schema or a database per tenant, each with its own login role, and the baseline (or
/// given) scripts applied with a journal per tenant. Every input is validated before the first statement.
/// </summary>
public sealed class TenantProvisioner(string adminConnectionString, IScriptProvider? scripts = null)
{
    private readonly IScriptProvider _scripts = scripts ?? Baseline.BaselineScripts.For("postgresql");

    /// <summary>The registry this provisioner writes.</summary>
    public TenantRegistry Registry { get; } = new(adminConnectionString);

    /// <summary>Provisions every tenant of <paramref name="config"/> under its isolation level.</summary>
    public async Task<IReadOnlyList<ProvisionedTenant>> ProvisionAsync(ToolkitConfig config, CancellationToken cancellationToken = default)
    {
        var level = LevelOf(config);
        var tenants = TenantNames.FromConfig(config.Tenants);
        await CheckAsync(level, cancellationToken);
        var results = new List<ProvisionedTenant>();
        if (level == IsolationLevel.Rls) results.Add(await ProvisionSharedRlsAsync(cancellationToken));
        foreach (var tenant in tenants)
        {
            var provisioned = await AddCheckedAsync(level, tenant, cancellationToken);
            if (level != IsolationLevel.Rls) results.Add(provisioned);
            if (!provisioned.Migration.Successful) break;
        }
        return results;
    }

    /// <summary>Provisions one tenant of <paramref name="config"/> (by id).</summary>
    public async Task<ProvisionedTenant> AddAsync(ToolkitConfig config, string tenantId, CancellationToken cancellationToken = default)
    {
        var level = LevelOf(config);
        var tenantConfig = config.Tenants.FirstOrDefault(t => t.Id == tenantId)
            ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown", $"tenant '{tenantId}' is not in the config's tenants: add it there first."));
        var tenant = TenantNames.Create(tenantConfig.Id, tenantConfig.Slug);
        await CheckAsync(level, cancellationToken);
        if (level == IsolationLevel.Rls)
        {
            var shared = await ProvisionSharedRlsAsync(cancellationToken);
            if (!shared.Migration.Successful) return shared with { Id = tenant.Id };
        }
        return await AddCheckedAsync(level, tenant, cancellationToken);
    }

    /// <summary>Drops one tenant: its rows (rls), schema or database, its role, and its registry entry.</summary>
    public async Task RemoveAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var tenant = await Registry.GetAsync(tenantId, cancellationToken);
        await using (var connection = new NpgsqlConnection(Registry.AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            var sql = tenant.Isolation switch
            {
                IsolationLevel.Rls => RlsDeleteRowsSql(tenant.Id),
                IsolationLevel.SchemaPerTenant => $"DROP SCHEMA IF EXISTS {Q(tenant.Schema)} CASCADE",
                _ => $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = {L(tenant.Database)} AND pid <> pg_backend_pid()",
            };
            await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync(cancellationToken);
            if (tenant.Isolation == IsolationLevel.DbPerTenant)
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Q(tenant.Database)}", connection)) await drop.ExecuteNonQueryAsync(cancellationToken);
            await using var role = new NpgsqlCommand($"DROP OWNED BY {Q(tenant.Role)}; DROP ROLE IF EXISTS {Q(tenant.Role)}", connection);
            await role.ExecuteNonQueryAsync(cancellationToken);
        }
        await Registry.DeleteAsync(tenant.Id, cancellationToken);
    }

    /// <summary>Runs the per-level grants after a migration of <paramref name="tenant"/> (new tables get the tenant's access, never the journal).</summary>
    public static Task GrantAsync(string adminConnectionString, RegisteredTenant tenant, CancellationToken cancellationToken)
    {
        var vars = Variables(TenantNames.Create(tenant.Id, tenant.Slug), tenant.Isolation);
        var (target, _) = tenant.AdminTarget(adminConnectionString);
        return tenant.Isolation switch
        {
            IsolationLevel.Rls => IsolationSql.RunAsync(adminConnectionString, "rls/grants.sql", [], cancellationToken),
            IsolationLevel.SchemaPerTenant => IsolationSql.RunAsync(adminConnectionString, "schema/grants.sql", vars, cancellationToken),
            _ => IsolationSql.RunAsync(target, "database/grants.sql", vars, cancellationToken),
        };
    }

    private async Task<ProvisionedTenant> ProvisionSharedRlsAsync(CancellationToken cancellationToken)
    {
        await IsolationSql.RunAsync(Registry.AdminConnectionString, "rls/setup.sql", [], cancellationToken);
        var migration = await ScriptEngineBuilder.For(Registry.AdminConnectionString).WithScripts(_scripts).InSchema("app").IgnoringForeignJournals()
            .WithVariable(ScriptVariable.Identifier("tenant_schema", "app")).Build().MigrateAsync(cancellationToken);
        if (migration.Successful) await IsolationSql.RunAsync(Registry.AdminConnectionString, "rls/grants.sql", [], cancellationToken);
        return new ProvisionedTenant("(shared)", IsolationLevel.Rls, migration);
    }

    private async Task<ProvisionedTenant> AddCheckedAsync(IsolationLevel level, TenantNames tenant, CancellationToken cancellationToken)
    {
        var admin = Registry.AdminConnectionString;
        var vars = Variables(tenant, level).Add(ScriptVariable.Literal("password", await Registry.PasswordAsync(tenant.Role, cancellationToken)));
        await IsolationSql.RunAsync(admin, "common/role.sql", vars, cancellationToken);
        var registered = new RegisteredTenant(tenant.Id, tenant.Slug, level, tenant.Role, tenant.Schema, tenant.Database);
        var (target, schema) = registered.AdminTarget(admin);
        switch (level)
        {
            case IsolationLevel.Rls:
                await IsolationSql.RunAsync(admin, "rls/tenant_add.sql", vars, cancellationToken);
                return new ProvisionedTenant(tenant.Id, level, new ScriptRunResult { Executed = [] });
            case IsolationLevel.SchemaPerTenant:
                await IsolationSql.RunAsync(admin, "schema/tenant_add.sql", vars, cancellationToken);
                break;
            default:
                if (!await DatabaseExistsAsync(tenant.Database, cancellationToken))
                    await IsolationSql.RunAsync(admin, "database/create_database.sql", vars, cancellationToken);
                await IsolationSql.RunAsync(admin, "database/tenant_add.sql", vars, cancellationToken);
                await IsolationSql.RunAsync(target, "database/in_tenant_database.sql", vars, cancellationToken);
                break;
        }
        var migration = await FanOut.TenantFanOut.TenantEngine(registered, target, schema, _scripts).Build().MigrateAsync(cancellationToken);
        if (migration.Successful) await GrantAsync(admin, registered, cancellationToken);
        return new ProvisionedTenant(tenant.Id, level, migration);
    }

    private async Task CheckAsync(IsolationLevel level, CancellationToken cancellationToken)
    {
        if (DatabaseEngines.IsSqlite(Registry.AdminConnectionString))
            throw new DiagnosticException(Diagnostic.Error("tenant-engine", "tenant isolation needs PostgreSQL: pass --connection with a PostgreSQL connection string."));
        DatabaseEngines.FromConnectionString(Registry.AdminConnectionString);
        await Registry.EnsureAsync(cancellationToken);
        var existing = (await Registry.ListAsync(cancellationToken)).Where(t => t.Isolation != level).Select(t => $"{t.Id} ({IsolationLevels.Name(t.Isolation)})").ToList();
        if (existing.Count > 0)
            throw new DiagnosticException(Diagnostic.Error("tenant-isolation",
                $"this database already has tenants under another isolation level: {string.Join(", ", existing)}; the config says {IsolationLevels.Name(level)}."));
    }

    private async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Registry.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        command.Parameters.AddWithValue("n", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static IsolationLevel LevelOf(ToolkitConfig config) =>
        config.Architecture.Isolation ?? throw new DiagnosticException(Diagnostic.Error("tenant-isolation",
            "architecture.isolation is not set in the config: choose rls, schema-per-tenant or db-per-tenant."));

    /// <summary>The variables the isolation scripts take for one tenant at <paramref name="level"/>.</summary>
    public static System.Collections.Immutable.ImmutableList<ScriptVariable> Variables(TenantNames t, IsolationLevel level) =>
    [
        ScriptVariable.Identifier("role", t.Role), ScriptVariable.Literal("role_name", t.Role),
        ScriptVariable.Identifier("schema", t.Schema), ScriptVariable.Literal("schema_name", t.Schema),
        ScriptVariable.Identifier("database", t.Database), ScriptVariable.Literal("database_name", t.Database),
        ScriptVariable.Literal("tenant_id", t.Id), ScriptVariable.Literal("slug", t.Slug),
        ScriptVariable.Literal("isolation", IsolationLevels.Name(level)),
    ];

    private static string RlsDeleteRowsSql(string tenantId) => $"""
        DO $body$
        DECLARE t record;
        BEGIN
            FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
                     WHERE n.nspname = 'app' AND c.relkind = 'r' ORDER BY c.oid DESC
            LOOP
                EXECUTE format('DELETE FROM app.%I WHERE tenant_id = %L', t.relname, {L(tenantId)});
            END LOOP;
        END
        $body$
        """;

    private static string Q(string identifier) => Engines.Postgres.PostgresQuoting.Identifier(identifier);

    private static string L(string literal) => Engines.Postgres.PostgresQuoting.Literal(literal);
}
