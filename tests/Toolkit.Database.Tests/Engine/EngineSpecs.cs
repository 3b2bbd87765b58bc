using Toolkit.Database;
using Toolkit.Database.Execution;
using Toolkit.Database.Journal;
using Toolkit.Database.Scripts;

namespace Toolkit.Database.Tests.Engine;

/// <summary>The behaviour every engine shares; each engine subclasses this with a fresh database per test.</summary>
public abstract class EngineSpecs
{
    /// <summary>A connection string to a new, empty database.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    protected static DatabaseScript S(string name, string up, string? down = null) => new(name, up, down);

    protected static readonly DatabaseScript[] Three =
    [
        S("0001_create_a.sql", "CREATE TABLE a (id integer PRIMARY KEY);", "DROP TABLE a;"),
        S("0002_create_b.sql", "CREATE TABLE b (id integer PRIMARY KEY);", "DROP TABLE b;"),
        S("0003_create_c.sql", "CREATE TABLE c (id integer PRIMARY KEY);", "DROP TABLE c;"),
    ];

    [Fact(Timeout = 60_000)]
    public async Task I_can_apply_pending_scripts_in_name_order_and_journal_each_with_its_sha256()
    {
        var db = await NewDatabaseAsync();
        var scripts = new[] { Three[2], Three[0], Three[1] };
        var result = await ScriptEngineBuilder.For(db).WithScripts(scripts).Build().MigrateAsync();

        Assert.True(result.Successful, result.Error);
        Assert.Equal(["0001_create_a.sql", "0002_create_b.sql", "0003_create_c.sql"], result.Executed.Select(e => e.Name));
        var journal = await Db.ColumnAsync(db, "SELECT script_name || ':' || checksum || ':' || direction FROM toolkit_journal ORDER BY id");
        Assert.Equal(Three.Select(s => $"{s.Name}:{s.Checksum}:up"), journal);
        Assert.Equal(64, Three[0].Checksum.Length);
        Assert.True(await Db.TableExistsAsync(db, "c"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_rerun_migrate_and_nothing_is_applied_twice()
    {
        var db = await NewDatabaseAsync();
        var engine = ScriptEngineBuilder.For(db).WithScripts(Three[..2]).Build();
        Assert.True((await engine.MigrateAsync()).Successful);
        var again = await ScriptEngineBuilder.For(db).WithScripts(Three).Build().MigrateAsync();

        Assert.Equal(["0003_create_c.sql"], again.Executed.Select(e => e.Name));
        Assert.Equal(3, await Db.CountAsync(db, "SELECT count(*) FROM toolkit_journal"));
        Assert.Empty((await ScriptEngineBuilder.For(db).WithScripts(Three).Build().MigrateAsync()).Executed);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_see_a_changed_applied_script_refused_by_name_unless_allowed()
    {
        var db = await NewDatabaseAsync();
        await ScriptEngineBuilder.For(db).WithScripts(Three[..1]).Build().MigrateAsync();
        var edited = new[] { S("0001_create_a.sql", "CREATE TABLE a (id integer PRIMARY KEY, extra text);", "DROP TABLE a;"), Three[1] };

        var refused = await ScriptEngineBuilder.For(db).WithScripts(edited).Build().MigrateAsync();
        Assert.Equal(ScriptFailure.ChangedScript, refused.Failure);
        Assert.Equal("0001_create_a.sql", refused.FailingScript);
        Assert.Contains("0001_create_a.sql was changed", refused.Error);
        Assert.False(await Db.TableExistsAsync(db, "b"));

        var allowed = await ScriptEngineBuilder.For(db).WithScripts(edited).AllowChangedScripts().Build().MigrateAsync();
        Assert.True(allowed.Successful, allowed.Error);
        Assert.Equal(["0002_create_b.sql"], allowed.Executed.Select(e => e.Name));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_roll_back_to_a_version_running_down_scripts_in_reverse()
    {
        var db = await NewDatabaseAsync();
        var engine = ScriptEngineBuilder.For(db).WithScripts(Three).Build();
        await engine.MigrateAsync();

        var plan = await engine.PlanRollbackAsync("0001");
        Assert.Equal(["0003_create_c.sql", "0002_create_b.sql"], plan.Steps.Select(s => s.Name));
        var result = await engine.RollbackToAsync("0001");

        Assert.True(result.Successful, result.Error);
        Assert.Equal(["0003_create_c.sql", "0002_create_b.sql"], result.Executed.Select(e => e.Name));
        Assert.True(await Db.TableExistsAsync(db, "a"));
        Assert.False(await Db.TableExistsAsync(db, "b"));
        Assert.Equal(["0003_create_c.sql:down", "0002_create_b.sql:down"],
            await Db.ColumnAsync(db, "SELECT script_name || ':' || direction FROM toolkit_journal WHERE direction = 'down' ORDER BY id"));
        Assert.Equal(["0002_create_b.sql", "0003_create_c.sql"], (await engine.StatusAsync()).Pending);
        Assert.Equal(2, (await engine.MigrateAsync()).Executed.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_roll_back_named_scripts_and_leave_another_set_sharing_the_journal_alone()
    {
        var db = await NewDatabaseAsync();
        var mine = ScriptEngineBuilder.For(db).WithScripts(Three[..2]).Build();
        var theirs = ScriptEngineBuilder.For(db).WithScripts([S("0001_create_t.sql", "CREATE TABLE t (id integer);", "DROP TABLE t;")]).Build();
        // Same version numbers, one journal: rolling back to a version would reach the other set's script.
        Assert.True((await mine.MigrateAsync()).Successful);
        Assert.True((await theirs.MigrateAsync()).Successful);
        Assert.Equal(ScriptFailure.InvalidScripts, (await mine.RollbackToAsync("0")).Failure);

        var result = await mine.RollbackScriptsAsync(["0001_create_a.sql", "0002_create_b.sql", "0009_never_applied.sql"]);

        Assert.True(result.Successful, result.Error);
        Assert.Equal(["0002_create_b.sql", "0001_create_a.sql"], result.Executed.Select(e => e.Name));
        Assert.False(await Db.TableExistsAsync(db, "a"));
        Assert.True(await Db.TableExistsAsync(db, "t"));
        Assert.Equal(["0001_create_t.sql"], (await theirs.StatusAsync()).Applied.Select(a => a.Name));
        Assert.Empty((await mine.RollbackScriptsAsync(["0001_create_a.sql"])).Executed);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_see_rollback_past_a_one_way_script_refused_with_its_name_and_nothing_changed()
    {
        var db = await NewDatabaseAsync();
        var scripts = new[] { Three[0], S("0002_backfill.sql", "CREATE TABLE b (id integer PRIMARY KEY);"), Three[2] };
        var engine = ScriptEngineBuilder.For(db).WithScripts(scripts).Build();
        await engine.MigrateAsync();
        var before = await Db.CountAsync(db, "SELECT count(*) FROM toolkit_journal");

        var plan = await engine.PlanAsync();
        var result = await engine.RollbackToAsync("0001");

        Assert.Equal(ScriptFailure.OneWay, result.Failure);
        Assert.Equal("0002_backfill.sql", result.FailingScript);
        Assert.Contains("0002_backfill.sql is one-way", result.Error);
        Assert.True(await Db.TableExistsAsync(db, "c"));
        Assert.Equal(before, await Db.CountAsync(db, "SELECT count(*) FROM toolkit_journal"));
        Assert.Empty(plan.Steps);
        Assert.True((await engine.RollbackToAsync("0002")).Successful);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_get_a_plan_that_marks_one_way_scripts_and_changes_nothing()
    {
        var db = await NewDatabaseAsync();
        var scripts = new[] { Three[0], S("0002_seed.sql", "CREATE TABLE seeded (id integer);") };
        var plan = await ScriptEngineBuilder.For(db).WithScripts(scripts).Build().PlanAsync();

        Assert.Equal([false, true], plan.Steps.Select(s => s.OneWay));
        Assert.True(plan.ContainsOneWay);
        Assert.False(await Db.TableExistsAsync(db, "toolkit_journal"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_keep_earlier_scripts_when_a_later_one_fails_with_a_transaction_per_script()
    {
        var db = await NewDatabaseAsync();
        var scripts = new[] { Three[0], S("0002_broken.sql", "CREATE TABLE b (id integer); INSERT INTO no_such_table VALUES (1);"), Three[2] };
        var result = await ScriptEngineBuilder.For(db).WithScripts(scripts).Build().MigrateAsync();

        Assert.Equal(ScriptFailure.ScriptFailed, result.Failure);
        Assert.Equal("0002_broken.sql", result.FailingScript);
        Assert.Equal(["0001_create_a.sql"], result.Executed.Select(e => e.Name));
        Assert.True(await Db.TableExistsAsync(db, "a"));
        Assert.False(await Db.TableExistsAsync(db, "b"));
        Assert.Equal(["0001_create_a.sql"], await Db.ColumnAsync(db, "SELECT script_name FROM toolkit_journal"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_roll_back_the_whole_run_when_one_script_fails_in_single_transaction_mode()
    {
        var db = await NewDatabaseAsync();
        var scripts = new[] { Three[0], S("0002_broken.sql", "INSERT INTO no_such_table VALUES (1);") };
        var result = await ScriptEngineBuilder.For(db).WithScripts(scripts).WithSingleTransaction().Build().MigrateAsync();

        Assert.Equal(ScriptFailure.ScriptFailed, result.Failure);
        Assert.Empty(result.Executed);
        Assert.Contains("whole run was rolled back", result.Error);
        Assert.False(await Db.TableExistsAsync(db, "a"));
        Assert.Equal(0, await Db.CountAsync(db, "SELECT count(*) FROM toolkit_journal"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_substitute_variables_as_quoted_identifiers_and_literals_never_raw()
    {
        var db = await NewDatabaseAsync();
        var hostile = "x'); DROP TABLE keep; --";
        var scripts = new[]
        {
            S("0001_keep.sql", "CREATE TABLE keep (id integer);"),
            S("0002_vars.sql", "CREATE TABLE $table$ (note text);\nINSERT INTO $table$ (note) VALUES ($note$); -- $note$ stays in comments\nINSERT INTO $table$ (note) VALUES ('$note$');"),
        };
        var result = await ScriptEngineBuilder.For(db).WithScripts(scripts)
            .WithVariable(ScriptVariable.Identifier("table", "odd \"name\""))
            .WithVariable(ScriptVariable.Literal("note", hostile))
            .Build().MigrateAsync();

        Assert.True(result.Successful, result.Error);
        Assert.True(await Db.TableExistsAsync(db, "keep"));
        Assert.Equal([hostile, "$note$"], await Db.ColumnAsync(db, "SELECT note FROM \"odd \"\"name\"\"\" ORDER BY note DESC"));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_build_an_engine_only_with_a_valid_configuration_and_be_told_what_to_call()
    {
        var error = Assert.Throws<Toolkit.Core.Diagnostics.DiagnosticException>(() =>
            ScriptEngineBuilder.For("").WithJournal("bad schema!", "journal").WithStatementTimeout(TimeSpan.Zero).Build());
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("ScriptEngineBuilder.For(connectionString)"));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("WithScripts("));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("'bad schema!'"));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("statement timeout"));
        var db = await NewDatabaseAsync();
        var bad = await ScriptEngineBuilder.For(db).WithScripts(new InMemoryScriptProvider([])).Build().MigrateAsync();
        Assert.True(bad.Successful);
    }
}
