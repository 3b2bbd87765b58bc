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

    [Fact(Timeout = 120_000)]
    public async Task I_can_send_a_tenants_scripts_in_one_batch_and_keep_the_scripts_before_the_one_that_fails()
    {
        var (admin, tenants) = await ProvisionAsync(3);
        var victim = tenants[1];
        await Db.ScalarAsync(admin, $"INSERT INTO {victim.Schema}.organizations (tenant_id, name, slug) VALUES ('x', 'taken', 'taken')");
        var fanOut = new TenantFanOut(admin, BaselinePlus(
            new DatabaseScript("0005_a.sql", "CREATE TABLE batch_a (id int);", "DROP TABLE batch_a;"),
            new DatabaseScript("0006_b.sql", "CREATE TABLE batch_b (id int);\nINSERT INTO organizations (tenant_id, name, slug) VALUES ('x', 'taken', 'taken');", "DROP TABLE batch_b;"),
            new DatabaseScript("0007_c.sql", "CREATE TABLE batch_c (id int) -- no semicolon, a comment last", "DROP TABLE batch_c;")));

        var failed = await fanOut.RunAsync(new FanOutOptions { Parallel = 2 });
        output.WriteLine(Toolkit.Database.Reports.FanOutReport.ToText(failed));

        var failure = Assert.Single(failed.Tenants, t => t.State == TenantRunState.Failed);
        Assert.Equal(victim.Id, failure.TenantId);
        Assert.Equal("0006_b.sql", failure.FailingScript);
        Assert.Equal(["0005_a.sql"], failure.Applied);
        Assert.Contains("0006_b.sql failed", failure.Error);
        Assert.True(await Db.TableExistsAsync(admin, $"{victim.Schema}.batch_a"));
        Assert.False(await Db.TableExistsAsync(admin, $"{victim.Schema}.batch_b"));
        Assert.False(await Db.TableExistsAsync(admin, $"{victim.Schema}.batch_c"));
        Assert.Equal(1, await UpRowsAsync(admin, victim, "0005_a.sql"));
        Assert.Equal(0, await UpRowsAsync(admin, victim, "0006_b.sql"));
        Assert.All(failed.Tenants.Where(t => t.TenantId != victim.Id), t => Assert.Equal(["0005_a.sql", "0006_b.sql", "0007_c.sql"], t.Applied));

        await Db.ScalarAsync(admin, $"DELETE FROM {victim.Schema}.organizations WHERE slug = 'taken'");
        var rerun = await fanOut.RunAsync(new FanOutOptions { Parallel = 2 });

        Assert.True(rerun.Successful);
        Assert.Equal(["0006_b.sql", "0007_c.sql"], Assert.Single(rerun.Tenants, t => t.State == TenantRunState.Applied).Applied);
        foreach (var t in tenants)
            foreach (var script in new[] { "0005_a.sql", "0006_b.sql", "0007_c.sql" })
                Assert.Equal(1, await UpRowsAsync(admin, t, script));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_rely_on_new_tables_being_the_tenants_to_use_without_a_grant_per_tenant_and_on_older_tenants_being_brought_forward()
    {
        var (admin, tenants) = await ProvisionAsync(3);
        // Provisioned before default privileges existed: none for the first tenant. A table created by another role
        // (SET ROLE in a script) is not covered by the admin's default privileges either.
        var old = tenants[0];
        await Db.ScalarAsync(admin, $"ALTER DEFAULT PRIVILEGES IN SCHEMA {old.Schema} REVOKE ALL ON TABLES FROM {old.Role}");
        var other = "fan_owner_" + Guid.NewGuid().ToString("N")[..12];
        await Db.ScalarAsync(admin, $"CREATE ROLE {other} NOLOGIN");
        foreach (var t in tenants) await Db.ScalarAsync(admin, $"GRANT USAGE, CREATE ON SCHEMA {t.Schema} TO {other}");
        var fanOut = new TenantFanOut(admin, BaselinePlus(
            new DatabaseScript("0005_plain.sql", "CREATE TABLE plain (id int);", "DROP TABLE plain;"),
            new DatabaseScript("0006_other.sql", $"SET LOCAL ROLE {other};\nCREATE TABLE other_owned (id int);\nRESET ROLE;", "DROP TABLE other_owned;")));

        var summary = await fanOut.RunAsync(new FanOutOptions { Parallel = 2 });

        Assert.True(summary.Successful);
        foreach (var t in tenants)
            foreach (var table in new[] { "plain", "other_owned" })
                foreach (var privilege in new[] { "SELECT", "INSERT", "UPDATE", "DELETE" })
                    Assert.Equal(true, await Db.ScalarAsync(admin, $"SELECT has_table_privilege('{t.Role}', '{t.Schema}.{table}', '{privilege}')"));
        Assert.Equal(1, await Db.CountAsync(admin, $"SELECT count(*) FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace WHERE n.nspname = '{old.Schema}' AND d.defaclacl::text LIKE '%{old.Role}=arwd/%'"));
        Assert.Equal(0, await Db.CountAsync(admin, $"SELECT count(*) FROM information_schema.role_table_grants WHERE grantee IN ({string.Join(", ", tenants.Select(t => $"'{t.Role}'"))}) AND table_name IN ('toolkit_journal', 'script_journal')"));
    }
}
