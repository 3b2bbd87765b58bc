using Toolkit.Database.Execution;
using Toolkit.Database.Scripts;
using Toolkit.Database.Tests.Engine;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.Conventions;

/// <summary>The script names, variables and transaction modes teams have today, on a real PostgreSQL, run through DbUp.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConventionSpecs(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-conventions");

    public void Dispose() => _dir.Dispose();

    private string Folder(params (string Name, string Sql)[] files)
    {
        var name = "db" + Guid.NewGuid().ToString("N")[..6];
        foreach (var (file, sql) in files) _dir.Write(Path.Combine(name, file), sql);
        return _dir.Combine(name);
    }

    private Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync("c" + Guid.NewGuid().ToString("N"));

    [Fact(Timeout = 120_000)]
    public async Task I_can_run_flyway_versioned_scripts_in_numeric_version_order_and_roll_back_with_their_undo_scripts()
    {
        var db = await NewDatabaseAsync();
        var folder = Folder(("V1__a.sql", "CREATE TABLE a (id int);"), ("V1.10__c.sql", "CREATE TABLE c (id int);"), ("V1.2__b.sql", "CREATE TABLE b (id int);"),
            ("U1.10__c.sql", "DROP TABLE c;"), ("U1.2__b.sql", "DROP TABLE b;"));
        var engine = ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build();

        var up = await engine.MigrateAsync();
        var down = await engine.RollbackToAsync("1");

        Assert.True(up.Successful, up.Error);
        Assert.Equal(["V1__a.sql", "V1.2__b.sql", "V1.10__c.sql"], up.Executed.Select(e => e.Name));
        // Flyway's underscore separators (V1_10__x.sql is version 1.10), as a Flyway project we measured names them.
        var underscored = Folder(("V1_10__c.sql", "SELECT 1;"), ("V1_2__b.sql", "SELECT 1;"), ("V1_0__a.sql", "SELECT 1;"));
        Assert.Equal(["V1_0__a.sql", "V1_2__b.sql", "V1_10__c.sql"], new FolderScriptProvider(underscored).GetScripts().Select(s => s.Name));
        Assert.True(down.Successful, down.Error);
        Assert.Equal(["V1.10__c.sql", "V1.2__b.sql"], down.Executed.Select(e => e.Name));
        Assert.False(await Db.TableExistsAsync(db, "b"));
        Assert.True(await Db.TableExistsAsync(db, "a"));
        Assert.Equal(ScriptFailure.OneWay, (await engine.RollbackToAsync("0")).Failure);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_a_repeatable_script_run_after_the_versioned_ones_and_again_only_when_it_changes()
    {
        var db = await NewDatabaseAsync();
        var folder = Folder(("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM t;"), ("V1__t.sql", "CREATE TABLE t (id int, name text);"));
        ScriptEngine Engine() => ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build();

        var first = await Engine().MigrateAsync();
        var unchanged = await Engine().MigrateAsync();
        File.WriteAllText(Path.Combine(folder, "R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT id, name FROM t;");
        var changed = await Engine().MigrateAsync();

        Assert.Equal(["V1__t.sql", "R__view.sql"], first.Executed.Select(e => e.Name));
        Assert.Empty(unchanged.Executed);
        Assert.Equal(["R__view.sql"], changed.Executed.Select(e => e.Name));
        Assert.Equal(2, await Db.CountAsync(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'v'"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_roll_back_versioned_scripts_and_see_repeatable_scripts_kept_and_named_in_the_output()
    {
        var db = await NewDatabaseAsync();
        var folder = Folder(("V1__t.sql", "CREATE TABLE t (id int);"), ("U1__t.sql", "DROP TABLE t;"), ("V2__u.sql", "CREATE TABLE u (id int);"), ("U2__u.sql", "DROP TABLE u;"),
            ("R__counts.sql", "CREATE OR REPLACE FUNCTION counts() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;"));
        var engine = ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build();
        Assert.True((await engine.MigrateAsync()).Successful);

        var plan = await engine.PlanRollbackAsync("1");
        var down = await engine.RollbackToAsync("1");
        var all = await engine.RollbackToAsync("0");

        Assert.Equal(["V2__u.sql"], plan.Steps.Select(s => s.Name));
        Assert.Equal(["R__counts.sql"], plan.KeptRepeatable);
        Assert.Contains("kept     R__counts.sql  (repeatable: rollback undoes only versioned scripts with down scripts)", Toolkit.Database.Reports.ScriptReport.ToText(plan));
        Assert.True(down.Successful, down.Error);
        Assert.Equal(["V2__u.sql"], down.Executed.Select(e => e.Name));
        Assert.Equal(["R__counts.sql"], down.KeptRepeatable);
        Assert.Contains("kept     R__counts.sql", Toolkit.Database.Reports.ScriptReport.ToText(down));
        Assert.Contains("\"keptRepeatable\": [\n    \"R__counts.sql\"\n  ]", Toolkit.Database.Reports.ScriptReport.ToJson(down));
        Assert.True(all.Successful, all.Error);
        Assert.Equal(["V1__t.sql"], all.Executed.Select(e => e.Name));
        // The repeatable script's object and journal row stay: migrate does not run it again.
        Assert.Equal(1, await Db.CountAsync(db, "SELECT counts()"));
        Assert.Equal(["V1__t.sql", "V2__u.sql"], (await engine.MigrateAsync()).Executed.Select(e => e.Name));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_run_dbup_names_in_dbups_order_from_a_folder_and_from_embedded_resources()
    {
        var db = await NewDatabaseAsync();
        var folder = Folder(("Script0002 - Second.sql", "INSERT INTO log VALUES ('second');"), ("Script0001 - Create.sql", "CREATE TABLE log (what text);"),
            ("Script0010 - Tenth.sql", "INSERT INTO log VALUES ('tenth');"));
        var fromFolder = await ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build().MigrateAsync();

        var embedded = await NewDatabaseAsync();
        var assembly = typeof(ConventionSpecs).Assembly;
        var fromAssembly = await ScriptEngineBuilder.For(embedded).WithScripts(new EmbeddedScriptProvider(assembly)).Build().MigrateAsync();

        Assert.True(fromFolder.Successful, fromFolder.Error);
        Assert.Equal(["Script0001 - Create.sql", "Script0002 - Second.sql", "Script0010 - Tenth.sql"], fromFolder.Executed.Select(e => e.Name));
        Assert.True(fromAssembly.Successful, fromAssembly.Error);
        Assert.Equal(["Toolkit.Database.Tests.Conventions.Scripts.0001-CreateWidget.sql", "Toolkit.Database.Tests.Conventions.Scripts.0002-AddWidget.sql"], fromAssembly.Executed.Select(e => e.Name));
        Assert.Equal(1, await Db.CountAsync(embedded, "SELECT count(*) FROM widget"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_substitute_raw_dbup_variables_beside_quoted_ones_and_leave_dollar_quoted_bodies_alone()
    {
        var db = await NewDatabaseAsync();
        await Db.ScalarAsync(db, "CREATE SCHEMA sales");
        var scripts = new[] { new DatabaseScript("0001_t.sql", """
            CREATE TABLE $schema$.t (id int, who text);
            INSERT INTO $schema$.t VALUES (1, $who$);
            CREATE FUNCTION $schema$.f() RETURNS text LANGUAGE plpgsql AS $body$ BEGIN RETURN '$not_a_var$'; END $body$;
            """) };

        var result = await ScriptEngineBuilder.For(db).WithScripts(scripts).WithRawVariable("schema", "sales")
            .WithVariable(ScriptVariable.Literal("who", "O'Brien")).Build().MigrateAsync();

        Assert.True(result.Successful, result.Error);
        Assert.Equal(["0001_t.sql"], result.Executed.Select(e => e.Name));
        Assert.Equal("O'Brien", await Db.ScalarAsync(db, "SELECT who FROM sales.t"));
        Assert.Equal("$not_a_var$", await Db.ScalarAsync(db, "SELECT sales.f()"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_choose_dbups_transaction_modes_per_run_and_see_what_each_keeps_after_a_failure()
    {
        DatabaseScript[] Scripts() => [new("0001_a.sql", "CREATE TABLE a (id int);"), new("0002_b.sql", "CREATE TABLE b (id int); SELECT 1/0;")];
        var perScript = await NewDatabaseAsync();
        var single = await NewDatabaseAsync();
        var none = await NewDatabaseAsync();

        var p = await ScriptEngineBuilder.For(perScript).WithScripts(Scripts()).WithTransactionMode(TransactionMode.PerScript).Build().MigrateAsync();
        var s = await ScriptEngineBuilder.For(single).WithScripts(Scripts()).WithTransactionMode(TransactionMode.WholeRun).Build().MigrateAsync();
        var n = await ScriptEngineBuilder.For(none).WithScripts(Scripts()).WithTransactionMode(TransactionMode.None).Build().MigrateAsync();

        Assert.Equal(ScriptFailure.ScriptFailed, p.Failure);
        Assert.Equal("0002_b.sql", p.FailingScript);
        Assert.True(await Db.TableExistsAsync(perScript, "a"));
        Assert.False(await Db.TableExistsAsync(perScript, "b"));
        Assert.False(await Db.TableExistsAsync(single, "a"));
        Assert.Empty(s.Executed);
        Assert.True(await Db.TableExistsAsync(none, "b"));
        Assert.Contains("outside a transaction", n.Error);
        Assert.Equal(["0001_a.sql"], await Db.ColumnAsync(none, "SELECT script_name FROM toolkit_journal"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_cancel_a_run_while_a_statement_runs_and_the_server_stops_it()
    {
        var db = await NewDatabaseAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await ScriptEngineBuilder.For(db).WithScripts([new DatabaseScript("0001_slow.sql", "CREATE TABLE s (id int); SELECT pg_sleep(60);")]).Build().MigrateAsync(cancel.Token);

        Assert.Equal(ScriptFailure.Cancelled, result.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.False(await Db.TableExistsAsync(db, "s"));
    }
}
