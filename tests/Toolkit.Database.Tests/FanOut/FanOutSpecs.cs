using Toolkit.Database.Tests.Engine;
using Toolkit.Database.Tests.Isolation;
using Toolkit.Database.Backups;
using Toolkit.Database.Baseline;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Database.Tests.FanOut;

[Collection(PostgresCollection.Name)]
public sealed class FanOutSpecs(PostgresServer server, ITestOutputHelper output)
{
    private static IScriptProvider BaselinePlus(params DatabaseScript[] extra) =>
        new InMemoryScriptProvider(BaselineScripts.For("postgresql").GetScripts().Concat(extra));

    private static readonly DatabaseScript Notes = new("0005_add_notes.sql",
        "CREATE TABLE notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true), body text);\nALTER TABLE organizations ADD COLUMN notes_count integer;\nCREATE INDEX notes_body ON $tenant_schema$.notes (body);\nCOMMENT ON TABLE notes IS $tenant_id$;",
        "DROP TABLE notes;\nALTER TABLE organizations DROP COLUMN notes_count;");

    private async Task<(string Admin, IReadOnlyList<RegisteredTenant> Tenants)> ProvisionAsync(int count)
    {
        var admin = await server.CreateDatabaseAsync("fan" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(IsolationLevel.SchemaPerTenant, Enumerable.Range(1, count).Select(i => $"c{i:00}").ToArray());
        await new TenantProvisioner(admin).ProvisionAsync(config);
        return (admin, await new TenantRegistry(admin).ListAsync(CancellationToken.None));
    }

    private static Task<long> UpRowsAsync(string admin, RegisteredTenant t, string script) =>
        Db.CountAsync(admin, $"SELECT count(*) FROM toolkit.script_journal WHERE target = '{t.Id}' AND script_name = '{script}' AND direction = 'up'");

    [Fact(Timeout = 120_000)]
    public async Task I_can_fan_out_to_every_tenant_schema_and_skip_up_to_date_tenants_with_one_query()
    {
        var (admin, tenants) = await ProvisionAsync(6);
        var fanOut = new TenantFanOut(admin, BaselinePlus(Notes));

        var first = await fanOut.RunAsync(new FanOutOptions { Parallel = 3 });
        var second = await fanOut.RunAsync(new FanOutOptions { Parallel = 3 });

        Assert.True(first.Successful);
        Assert.Equal(6, first.Count(TenantRunState.Applied));
        Assert.All(first.Tenants, t => Assert.Equal(["0005_add_notes.sql"], t.Applied));
        Assert.Equal(6, second.Count(TenantRunState.Skipped));
        Assert.Equal(6, await Db.CountAsync(admin, "SELECT count(*) FROM toolkit.tenant_state"));
        foreach (var t in tenants)
        {
            Assert.Equal(1, await UpRowsAsync(admin, t, "0005_add_notes.sql"));
            Assert.Equal(t.Id, await Db.ScalarAsync(admin, $"SELECT obj_description('{t.Schema}.notes'::regclass)"));
            // The new table is the tenant's to use, the journal never is (one shared journal, in schema toolkit: no table per tenant).
            Assert.False(await Db.TableExistsAsync(admin, $"{t.Schema}.toolkit_journal"));
            Assert.Equal(1, await Db.CountAsync(admin, $"SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '{t.Role}' AND table_schema = '{t.Schema}' AND table_name = 'notes' AND privilege_type = 'SELECT'"));
            Assert.Equal(0, await Db.CountAsync(admin, $"SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '{t.Role}' AND table_name IN ('toolkit_journal', 'script_journal')"));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_keep_other_tenants_and_every_journal_consistent_when_one_tenants_script_fails()
    {
        var (admin, tenants) = await ProvisionAsync(5);
        var victim = tenants[2];
        await Db.ScalarAsync(admin, $"INSERT INTO {victim.Schema}.organizations (tenant_id, name, slug) VALUES ('x', 'taken', 'taken')");
        var insert = new DatabaseScript("0005_seed.sql", "CREATE TABLE seeded (id int);\nINSERT INTO organizations (tenant_id, name, slug) VALUES ('x', 'taken', 'taken');", "DROP TABLE seeded;");
        var fanOut = new TenantFanOut(admin, BaselinePlus(insert));

        var failed = await fanOut.RunAsync(new FanOutOptions { Parallel = 2 });
        output.WriteLine(Toolkit.Database.Reports.FanOutReport.ToText(failed));

        Assert.False(failed.Successful);
        var failure = Assert.Single(failed.Tenants, t => t.State == TenantRunState.Failed);
        Assert.Equal(victim.Id, failure.TenantId);
        Assert.Equal("0005_seed.sql", failure.FailingScript);
        Assert.Equal(4, failed.Count(TenantRunState.Applied));
        Assert.Equal(0, await UpRowsAsync(admin, victim, "0005_seed.sql"));
        Assert.False(await Db.TableExistsAsync(admin, $"{victim.Schema}.seeded"));

        await Db.ScalarAsync(admin, $"DELETE FROM {victim.Schema}.organizations WHERE slug = 'taken'");
        var rerun = await fanOut.RunAsync(new FanOutOptions { Parallel = 2 });

        Assert.True(rerun.Successful);
        Assert.Equal([victim.Id], rerun.Tenants.Where(t => t.State == TenantRunState.Applied).Select(t => t.TenantId));
        foreach (var t in tenants) Assert.Equal(1, await UpRowsAsync(admin, t, "0005_seed.sql"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_stop_after_a_failing_canary_and_leave_the_other_tenants_untouched()
    {
        var (admin, tenants) = await ProvisionAsync(4);
        await Db.ScalarAsync(admin, $"INSERT INTO {tenants[0].Schema}.organizations (tenant_id, name, slug) VALUES ('x', 'taken', 'taken')");
        var insert = new DatabaseScript("0005_seed.sql", "INSERT INTO organizations (tenant_id, name, slug) VALUES ('x', 'taken', 'taken');", "DELETE FROM organizations WHERE slug = 'taken';");

        var summary = await new TenantFanOut(admin, BaselinePlus(insert)).RunAsync(new FanOutOptions { Parallel = 4, Canary = 1 });

        Assert.Equal(TenantRunState.Failed, summary.Tenants[0].State);
        Assert.Equal(3, summary.Count(TenantRunState.NotStarted));
        foreach (var t in tenants.Skip(1)) Assert.Equal(0, await UpRowsAsync(admin, t, "0005_seed.sql"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_dump_what_a_fan_out_will_change_and_restore_it()
    {
        var (admin, tenants) = await ProvisionAsync(3);
        using var backups = new TempDirectory("toolkit-backups");
        await Db.ScalarAsync(admin, $"INSERT INTO {tenants[0].Schema}.organizations (tenant_id, name, slug) VALUES ('{tenants[0].Id}', 'Kept', 'kept')");

        var summary = await new TenantFanOut(admin, BaselinePlus(Notes)).RunAsync(new FanOutOptions { BackupDirectory = backups.Path });
        Assert.True(summary.Successful);
        Assert.NotNull(summary.BackupPath);
        Assert.True(File.Exists(summary.BackupPath));
        Assert.True(await Db.TableExistsAsync(admin, $"{tenants[1].Schema}.notes"));

        var restored = await PgDump.RestoreAsync(admin, summary.BackupPath!, CancellationToken.None);

        Assert.Equal(tenants.Select(t => t.Schema), restored);
        foreach (var t in tenants)
        {
            Assert.False(await Db.TableExistsAsync(admin, $"{t.Schema}.notes"));
            Assert.Equal(0, await UpRowsAsync(admin, t, "0005_add_notes.sql"));
        }
        Assert.Equal("Kept", await Db.ScalarAsync(admin, $"SELECT name FROM {tenants[0].Schema}.organizations WHERE slug = 'kept'"));
        Assert.Equal(0, await Db.CountAsync(admin, "SELECT count(*) FROM toolkit.tenant_state"));
        var again = await new TenantFanOut(admin, BaselinePlus(Notes)).RunAsync(new FanOutOptions());
        Assert.Equal(3, again.Count(TenantRunState.Applied));
    }
}
