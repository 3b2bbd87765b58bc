using Toolkit.Database.Tests.Engine;
using Toolkit.Database.Tests.Isolation;
using Toolkit.Database.Backups;
using Toolkit.Database.Baseline;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.FanOut;

[Collection(PostgresCollection.Name)]
public sealed class FanOutLevelSpecs(PostgresServer server)
{
    [Theory(Timeout = 120_000)]
    [InlineData(IsolationLevel.Rls)]
    [InlineData(IsolationLevel.DbPerTenant)]
    public async Task I_can_fan_out_under_rls_and_db_per_tenant_with_isolation_kept_and_restore_the_dump(IsolationLevel level)
    {
        var admin = await server.CreateDatabaseAsync("lvl" + Guid.NewGuid().ToString("N"));
        await new TenantProvisioner(admin).ProvisionAsync(Configs.With(level, "acme", "globex"));
        var tenants = await new TenantRegistry(admin).ListAsync(CancellationToken.None);
        using var backups = new TempDirectory("toolkit-lvl");
        var notes = new DatabaseScript("0005_notes.sql", "CREATE TABLE notes (id int, tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true));", "DROP TABLE notes;");
        var scripts = new InMemoryScriptProvider(BaselineScripts.For("postgresql").GetScripts().Append(notes));

        var summary = await new TenantFanOut(admin, scripts).RunAsync(new FanOutOptions { BackupDirectory = backups.Path });

        Assert.True(summary.Successful);
        Assert.Equal(level == IsolationLevel.Rls ? [TenantFanOut.SharedTarget] : tenants.Select(t => t.Id), summary.Tenants.Select(t => t.TenantId));
        foreach (var t in level == IsolationLevel.Rls ? tenants.Take(1) : tenants)
        {
            var (target, schema) = t.AdminTarget(admin);
            Assert.True(await Db.TableExistsAsync(target, $"{schema}.notes"));
            var journal = level == IsolationLevel.SchemaPerTenant ? $"toolkit.script_journal WHERE target = '{t.Id}' AND" : $"{schema}.toolkit_journal WHERE";
            Assert.Equal(1, await Db.CountAsync(target, $"SELECT count(*) FROM {journal} script_name = '0005_notes.sql'"));
        }
        var report = await new AttackMatrix(admin).RunAsync();
        Assert.Equal(0, report.Leaks);
        if (level == IsolationLevel.Rls)
            Assert.Equal(1, await Db.CountAsync(admin, "SELECT count(*) FROM pg_class WHERE oid = 'app.notes'::regclass AND relrowsecurity AND relforcerowsecurity"));

        await PgDump.RestoreAsync(admin, summary.BackupPath!, CancellationToken.None);

        foreach (var t in level == IsolationLevel.Rls ? tenants.Take(1) : tenants)
        {
            var (target, schema) = t.AdminTarget(admin);
            Assert.False(await Db.TableExistsAsync(target, $"{schema}.notes"));
            Assert.True(await Db.TableExistsAsync(target, $"{schema}.organizations"));
        }
    }
}
