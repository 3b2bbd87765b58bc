using Toolkit.Core.Diagnostics;
using Toolkit.Database.Tests.Engine;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Database.Tests.Isolation;

[Collection(PostgresCollection.Name)]
public sealed class IsolationSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Theory(Timeout = 120_000)]
    [InlineData(IsolationLevel.Rls)]
    [InlineData(IsolationLevel.SchemaPerTenant)]
    [InlineData(IsolationLevel.DbPerTenant)]
    public async Task I_can_provision_each_isolation_level_and_see_the_attack_matrix_find_no_leak(IsolationLevel level)
    {
        var admin = await server.CreateDatabaseAsync("iso" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(level, "acme", "globex", "initech");
        var provisioned = await new TenantProvisioner(admin).ProvisionAsync(config);
        Assert.All(provisioned, p => Assert.True(p.Migration.Successful, p.Migration.Error));

        var report = await new AttackMatrix(admin).RunAsync();
        output.WriteLine(report.Summary);
        foreach (var o in report.Outcomes) output.WriteLine($"  {o.Attacker} -> {o.Victim}: {o.Vector}: {o.Detail}");

        Assert.Equal(0, report.Leaks);
        Assert.True(report.Reads >= 3 * 7, $"reads: {report.Reads}");
        Assert.True(report.Writes >= 3 * 20, $"writes: {report.Writes}");
        Assert.Equal(3, (await new TenantRegistry(admin).ListAsync(CancellationToken.None)).Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_the_attack_matrix_count_a_leak_when_isolation_is_broken()
    {
        var admin = await server.CreateDatabaseAsync("iso" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(IsolationLevel.SchemaPerTenant, "acme", "globex");
        await new TenantProvisioner(admin).ProvisionAsync(config);
        var tenants = await new TenantRegistry(admin).ListAsync(CancellationToken.None);
        // Break isolation on purpose: acme's role gets read access to globex's schema.
        await Db.ScalarAsync(admin, $"GRANT USAGE ON SCHEMA {tenants[1].Schema} TO {tenants[0].Role}; GRANT SELECT ON ALL TABLES IN SCHEMA {tenants[1].Schema} TO {tenants[0].Role}");

        var report = await new AttackMatrix(admin).RunAsync();
        output.WriteLine(report.Summary);

        Assert.True(report.Leaks > 0);
        Assert.Contains(report.Outcomes, o => o.Leaked && o.Vector == "select via table name");
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_check_the_rls_setup_forces_row_security_with_an_app_role_that_owns_nothing_and_cannot_bypass()
    {
        var admin = await server.CreateDatabaseAsync("iso" + Guid.NewGuid().ToString("N"));
        await new TenantProvisioner(admin).ProvisionAsync(Configs.With(IsolationLevel.Rls, "acme", "globex"));

        Assert.Equal(0, await Db.CountAsync(admin, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind = 'r' AND c.relname <> 'toolkit_journal' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"));
        Assert.Equal(14, await Db.CountAsync(admin, "SELECT count(*) FROM pg_policies WHERE schemaname = 'app'"));
        Assert.Equal(0, await Db.CountAsync(admin, "SELECT count(*) FROM pg_roles WHERE (rolname = 'toolkit_app' OR rolname LIKE 'tenant_%') AND (rolbypassrls OR rolsuper)"));
        Assert.Equal(0, await Db.CountAsync(admin, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'toolkit_app' OR r.rolname LIKE 'tenant_%'"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_see_a_hostile_tenant_name_rejected_before_any_sql_runs()
    {
        var admin = await server.CreateDatabaseAsync("iso" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(IsolationLevel.SchemaPerTenant, [("ok", "ok"), ("x\"; drop schema public; --", "x\"; drop schema public; --")]);

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => new TenantProvisioner(admin).ProvisionAsync(config));

        Assert.Contains(error.Diagnostics, d => d.Code == "tenant-slug" && d.Message.Contains("x\"; drop schema public; --"));
        Assert.Null(await Db.ScalarAsync(admin, "SELECT to_regclass('toolkit.tenants')::text"));
        Assert.NotNull(await Db.ScalarAsync(admin, "SELECT to_regnamespace('public')::text"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_add_and_remove_one_tenant_and_its_schema_and_role_go_with_it()
    {
        var admin = await server.CreateDatabaseAsync("iso" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(IsolationLevel.SchemaPerTenant, "acme", "globex");
        var provisioner = new TenantProvisioner(admin);
        var added = await provisioner.AddAsync(config, config.Tenants[1].Id);
        Assert.True(added.Migration.Successful, added.Migration.Error);
        var tenant = (await provisioner.Registry.ListAsync(CancellationToken.None)).Single();
        Assert.True(await Db.TableExistsAsync(admin, $"{tenant.Schema}.organizations"));

        await provisioner.RemoveAsync(tenant.Id);

        Assert.Empty(await provisioner.Registry.ListAsync(CancellationToken.None));
        Assert.Null(await Db.ScalarAsync(admin, $"SELECT to_regnamespace('{tenant.Schema}')::text"));
        Assert.Equal(0, await Db.CountAsync(admin, $"SELECT count(*) FROM pg_roles WHERE rolname = '{tenant.Role}'"));
    }
}
