using Toolkit.Database;
using Toolkit.Database.Scripts;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.Engine;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEngineSpecs(PostgresServer server) : EngineSpecs
{
    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync("e" + Guid.NewGuid().ToString("N"));

    [Fact(Timeout = 60_000)]
    public async Task I_can_build_an_index_concurrently_because_such_scripts_run_outside_a_transaction()
    {
        var db = await NewDatabaseAsync();
        var scripts = new[]
        {
            S("0001_t.sql", "CREATE TABLE t (id integer, v text);"),
            S("0002_index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_v ON t (v);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS t_id ON t (id);", "DROP INDEX CONCURRENTLY t_v;\nDROP INDEX CONCURRENTLY t_id;"),
        };
        var engine = ScriptEngineBuilder.For(db).WithScripts(scripts).Build();

        Assert.True((await engine.PlanAsync()).Steps[1].OutsideTransaction);
        var result = await engine.MigrateAsync();
        Assert.True(result.Successful, result.Error);
        Assert.Equal(2, await Db.CountAsync(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 't'"));
        Assert.True((await engine.RollbackToAsync("0001")).Successful);
        Assert.Equal(0, await Db.CountAsync(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 't'"));

        var single = await ScriptEngineBuilder.For(db).WithScripts(scripts).WithSingleTransaction().Build().MigrateAsync();
        Assert.Equal(ScriptFailure.NotRunnable, single.Failure);
        Assert.Equal("0002_index.sql", single.FailingScript);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_cancel_a_statement_that_runs_past_the_statement_timeout()
    {
        var db = await NewDatabaseAsync();
        var result = await ScriptEngineBuilder.For(db)
            .WithScripts([S("0001_slow.sql", "CREATE TABLE slow (id int); SELECT pg_sleep(5);")])
            .WithStatementTimeout(TimeSpan.FromMilliseconds(300)).Build().MigrateAsync();

        Assert.Equal(ScriptFailure.ScriptFailed, result.Failure);
        Assert.Contains("statement timeout", result.Error);
        Assert.False(await Db.TableExistsAsync(db, "slow"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_name_the_journal_table_and_its_schema_and_scope_a_run_to_a_schema()
    {
        var db = await NewDatabaseAsync();
        await Db.ScalarAsync(db, "CREATE SCHEMA tenant_x");
        var result = await ScriptEngineBuilder.For(db).WithScripts([S("0001_a.sql", "CREATE TABLE a (id int);")])
            .InSchema("tenant_x").WithJournal("ops", "applied_scripts").Build().MigrateAsync();

        Assert.True(result.Successful, result.Error);
        Assert.True(await Db.TableExistsAsync(db, "tenant_x.a"));
        Assert.Equal(1, await Db.CountAsync(db, "SELECT count(*) FROM ops.applied_scripts"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_apply_the_shipped_baseline_saas_schema_and_roll_it_all_back()
    {
        var db = await NewDatabaseAsync();
        var engine = ScriptEngineBuilder.For(db).WithBaselineScripts().Build();
        var result = await engine.MigrateAsync();

        Assert.True(result.Successful, result.Error);
        Assert.Empty(result.Diagnostics);
        foreach (var table in new[] { "organizations", "organization_members", "teams", "roles", "role_assignments", "invitations", "subscription_plans", "subscriptions", "invoices", "invoice_line_items", "usage_records", "audit_log" })
            Assert.True(await Db.TableExistsAsync(db, table), table);
        Assert.True((await engine.RollbackToAsync("0")).Successful);
        Assert.False(await Db.TableExistsAsync(db, "organizations"));
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
