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
/// The one place that knows where a tenant lives and how that place is built and removed. Each tenant gets
/// its own level (<c>tenants[].isolation</c>, else <c>architecture.isolation</c>), so one database holds pooled
/// tenants (the shared rls tables, a schema each) beside silo tenants (a database each): the registry, then
/// per tenant its login role and its place, with the (baseline or given) scripts applied through its journal
/// and its grants. Every input is validated before the first statement; every step is idempotent, so a
/// rerun after an interruption finishes it.
/// </summary>
public sealed class TenantProvisioner(string adminConnectionString, IScriptProvider? scripts = null)
{
    private readonly IScriptProvider _scripts = scripts ?? Baseline.BaselineScripts.For("postgresql");

    /// <summary>The registry this provisioner writes.</summary>
    public TenantRegistry Registry { get; } = new(adminConnectionString);

    /// <summary>Provisions every tenant of <paramref name="config"/>, each under its own isolation level.</summary>
    public async Task<IReadOnlyList<ProvisionedTenant>> ProvisionAsync(ToolkitConfig config, CancellationToken cancellationToken = default)
    {
        var tenants = TenantNames.FromConfig(config.Tenants);
        var levels = config.Tenants.ToDictionary(t => t.Id, t => LevelOf(config, t), StringComparer.Ordinal);
        await CheckAsync(levels, cancellationToken);
        var results = new List<ProvisionedTenant>();
        if (levels.Values.Contains(IsolationLevel.Rls) || (levels.Count == 0 && config.Architecture.Isolation == IsolationLevel.Rls))
        {
            var shared = await BuildSharedRlsAsync(cancellationToken);
            results.Add(new ProvisionedTenant("(shared)", IsolationLevel.Rls, shared));
            if (!shared.Successful) return results;
        }
        foreach (var tenant in tenants)
        {
            var level = levels[tenant.Id];
            // The shared rls tables were built once above: each rls tenant only gets its access to them.
            var migration = await BuildPlaceAsync(await EnsureRoleAsync(tenant, level, cancellationToken), sharedBuilt: true, cancellationToken);
            if (level != IsolationLevel.Rls) results.Add(new ProvisionedTenant(tenant.Id, level, migration));
            if (!migration.Successful) break;
        }
        return results;
    }

    /// <summary>Provisions one tenant of <paramref name="config"/> (by id) under its own level.</summary>
    public async Task<ProvisionedTenant> AddAsync(ToolkitConfig config, string tenantId, CancellationToken cancellationToken = default)
    {
        var tenantConfig = config.Tenants.FirstOrDefault(t => t.Id == tenantId)
            ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown", $"tenant '{tenantId}' is not in the config's tenants: add it there first."));
        var level = LevelOf(config, tenantConfig);
        var tenant = TenantNames.Create(tenantConfig.Id, tenantConfig.Slug);
        await CheckAsync(new Dictionary<string, IsolationLevel>(StringComparer.Ordinal) { [tenant.Id] = level }, cancellationToken);
        var migration = await BuildPlaceAsync(await EnsureRoleAsync(tenant, level, cancellationToken), cancellationToken);
        return new ProvisionedTenant(tenant.Id, level, migration);
    }

    /// <summary>Creates the registry (if needed), the tenant's login role and its registry row at <paramref name="level"/>.</summary>
    public async Task<RegisteredTenant> EnsureRoleAsync(TenantNames tenant, IsolationLevel level, CancellationToken cancellationToken = default)
    {
        RequirePostgres();
        await Registry.EnsureAsync(cancellationToken);
        var vars = Variables(tenant, level).Add(ScriptVariable.Literal("password", await Registry.PasswordAsync(tenant.Role, cancellationToken)));
        await IsolationSql.RunAsync(Registry.AdminConnectionString, "common/role.sql", vars, cancellationToken);
        return Registered(tenant, level);
    }

    /// <summary>
    /// Builds <paramref name="tenant"/>'s place at its level (under rls the shared tables and its access to
    /// them; a schema; or a database), applies every pending script through its journal, then its grants.
    /// </summary>
    public Task<ScriptRunResult> BuildPlaceAsync(RegisteredTenant tenant, CancellationToken cancellationToken = default) =>
        BuildPlaceAsync(tenant, sharedBuilt: false, cancellationToken);

    private async Task<ScriptRunResult> BuildPlaceAsync(RegisteredTenant tenant, bool sharedBuilt, CancellationToken cancellationToken)
    {
        var admin = Registry.AdminConnectionString;
        var vars = Variables(TenantNames.Create(tenant.Id, tenant.Slug), tenant.Isolation);
        switch (tenant.Isolation)
        {
            case IsolationLevel.Rls:
                var shared = sharedBuilt ? new ScriptRunResult { Executed = [] } : await BuildSharedRlsAsync(cancellationToken);
                if (!shared.Successful) return shared;
                await IsolationSql.RunAsync(admin, "rls/tenant_add.sql", vars, cancellationToken);
                await Registry.SetStateAsync([tenant.Id], Fingerprint, cancellationToken);
                return shared;
            case IsolationLevel.SchemaPerTenant:
                await IsolationSql.RunAsync(admin, "schema/tenant_add.sql", vars, cancellationToken);
                break;
            default:
                if (!await DatabaseExistsAsync(tenant.Database, cancellationToken))
                    await IsolationSql.RunAsync(admin, "database/create_database.sql", vars, cancellationToken);
                await IsolationSql.RunAsync(admin, "database/tenant_add.sql", vars, cancellationToken);
                await IsolationSql.RunAsync(tenant.AdminTarget(admin).ConnectionString, "database/in_tenant_database.sql", vars, cancellationToken);
                break;
        }
        var migration = await Engine(tenant).Build().MigrateAsync(cancellationToken);
        if (!migration.Successful) return migration;
        await GrantAsync(admin, tenant, cancellationToken);
        // The fan-out skips a tenant whose recorded fingerprint is the scripts': it has just applied all of them.
        await Registry.SetStateAsync([tenant.Id], Fingerprint, cancellationToken);
        return migration;
    }

    private string Fingerprint => _fingerprint ??= FanOut.TenantFanOut.Fingerprint(_scripts.GetScripts());

    private string? _fingerprint;

    /// <summary>The journaled scripts engine of <paramref name="tenant"/>'s place (the shared tables under rls).</summary>
    public ScriptEngineBuilder Engine(RegisteredTenant tenant)
    {
        var (target, schema) = tenant.AdminTarget(Registry.AdminConnectionString);
        return FanOut.TenantFanOut.TenantEngine(tenant, target, schema, _scripts);
    }

    /// <summary>
    /// Removes the tenant's data at its place: its rows of every shared table and its membership of
    /// <c>toolkit_app</c> (rls), its schema and its rows of the shared journal, or its database (sessions
    /// terminated first). The role and registry row stay; see <see cref="DropRoleAsync"/>.
    /// </summary>
    public async Task DropPlaceAsync(RegisteredTenant tenant, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(Registry.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        switch (tenant.Isolation)
        {
            case IsolationLevel.Rls:
                await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
                {
                    await ExecAsync(connection, RlsDeleteRowsSql(tenant.Id), cancellationToken, tx);
                    if (await ExistsAsync(connection, "pg_roles", "rolname", tenant.Role, cancellationToken) && await ExistsAsync(connection, "pg_roles", "rolname", "toolkit_app", cancellationToken))
                        await ExecAsync(connection, $"REVOKE toolkit_app FROM {Q(tenant.Role)}", cancellationToken, tx);
                    await tx.CommitAsync(cancellationToken);
                }
                break;
            case IsolationLevel.SchemaPerTenant:
                await ExecAsync(connection, $"""
                    DROP SCHEMA IF EXISTS {Q(tenant.Schema)} CASCADE;
                    DO $body$ BEGIN
                        IF to_regclass('toolkit.script_journal') IS NOT NULL THEN DELETE FROM toolkit.script_journal WHERE target = {L(tenant.Id)}; END IF;
                        IF to_regclass('toolkit.tenant_state') IS NOT NULL THEN DELETE FROM toolkit.tenant_state WHERE tenant_id = {L(tenant.Id)}; END IF;
                    END $body$
                    """, cancellationToken);
                break;
            default:
                await ExecAsync(connection, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = {L(tenant.Database)} AND pid <> pg_backend_pid()", cancellationToken);
                await ExecAsync(connection, $"DROP DATABASE IF EXISTS {Q(tenant.Database)} WITH (FORCE)", cancellationToken);
                break;
        }
    }

    /// <summary>Drops the tenant's role (its sessions ended, what it owns and was granted first) and its registry row.</summary>
    public async Task DropRoleAsync(RegisteredTenant tenant, CancellationToken cancellationToken = default)
    {
        await using (var connection = new NpgsqlConnection(Registry.AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await ExecAsync(connection, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = {L(tenant.Role)}", cancellationToken);
            if (await ExistsAsync(connection, "pg_roles", "rolname", tenant.Role, cancellationToken))
                await ExecAsync(connection, $"DROP OWNED BY {Q(tenant.Role)}; DROP ROLE {Q(tenant.Role)}", cancellationToken);
        }
        if (await Registry.ExistsAsync(cancellationToken)) await Registry.DeleteAsync(tenant.Id, cancellationToken);
    }

    /// <summary>Drops one registered tenant: its place, its role, and its registry entry.</summary>
    public async Task RemoveAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var tenant = await Registry.GetAsync(tenantId, cancellationToken);
        await DropPlaceAsync(tenant, cancellationToken);
        await DropRoleAsync(tenant, cancellationToken);
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

    /// <summary>The level of <paramref name="tenant"/>: its <c>isolation</c> override, else the platform's <c>architecture.isolation</c>.</summary>
    public static IsolationLevel LevelOf(ToolkitConfig config, TenantConfig tenant, SourceLocation? location = null) =>
        tenant.Isolation ?? config.Architecture.Isolation ?? throw new DiagnosticException(Diagnostic.Error("tenant-isolation",
            "architecture.isolation is not set in the config: choose rls, schema-per-tenant or db-per-tenant.", location));

    /// <summary>The registry entry for <paramref name="names"/> at <paramref name="level"/>.</summary>
    public static RegisteredTenant Registered(TenantNames names, IsolationLevel level) =>
        new(names.Id, names.Slug, level, names.Role, names.Schema, names.Database);

    /// <summary>The variables the isolation scripts take for one tenant at <paramref name="level"/>.</summary>
    public static System.Collections.Immutable.ImmutableList<ScriptVariable> Variables(TenantNames t, IsolationLevel level) =>
    [
        ScriptVariable.Identifier("role", t.Role), ScriptVariable.Literal("role_name", t.Role),
        ScriptVariable.Identifier("schema", t.Schema), ScriptVariable.Literal("schema_name", t.Schema),
        ScriptVariable.Identifier("database", t.Database), ScriptVariable.Literal("database_name", t.Database),
        ScriptVariable.Literal("tenant_id", t.Id), ScriptVariable.Literal("slug", t.Slug),
        ScriptVariable.Literal("isolation", IsolationLevels.Name(level)),
    ];

    /// <summary>The shared rls tables: schema, group role, scripts (journal <c>app.toolkit_journal</c>), policies and grants.</summary>
    private async Task<ScriptRunResult> BuildSharedRlsAsync(CancellationToken cancellationToken)
    {
        var admin = Registry.AdminConnectionString;
        await IsolationSql.RunAsync(admin, "rls/setup.sql", [], cancellationToken);
        var shared = new RegisteredTenant("(shared)", "shared", IsolationLevel.Rls, "toolkit_app", "app", "");
        var migration = await Engine(shared).Build().MigrateAsync(cancellationToken);
        if (migration.Successful) await IsolationSql.RunAsync(admin, "rls/grants.sql", [], cancellationToken);
        return migration;
    }

    /// <summary>A tenant already registered under another level than the config gives it must be moved, not provisioned again.</summary>
    private async Task CheckAsync(IReadOnlyDictionary<string, IsolationLevel> levels, CancellationToken cancellationToken)
    {
        RequirePostgres();
        await Registry.EnsureAsync(cancellationToken);
        var moved = (await Registry.ListAsync(cancellationToken))
            .Where(t => levels.TryGetValue(t.Id, out var level) && level != t.Isolation)
            .Select(t => $"{t.Id} (registered {IsolationLevels.Name(t.Isolation)}, the config says {IsolationLevels.Name(levels[t.Id])})").ToList();
        if (moved.Count > 0)
            throw new DiagnosticException(Diagnostic.Error("tenant-isolation",
                $"tenants live under another isolation level than the config gives them: {string.Join(", ", moved)}; move each with 'toolkit tenants move SLUG --to LEVEL'."));
    }

    private void RequirePostgres()
    {
        if (DatabaseEngines.IsSqlite(Registry.AdminConnectionString))
            throw new DiagnosticException(Diagnostic.Error("tenant-engine", "tenant isolation needs PostgreSQL: pass --connection with a PostgreSQL connection string."));
        DatabaseEngines.FromConnectionString(Registry.AdminConnectionString);
    }

    private async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Registry.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await ExistsAsync(connection, "pg_database", "datname", name, cancellationToken);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string catalog, string column, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT 1 FROM {catalog} WHERE {column} = @n", connection);
        command.Parameters.AddWithValue("n", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? tx = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string RlsDeleteRowsSql(string tenantId) => $"""
        DO $body$
        DECLARE t record;
        BEGIN
            FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
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
