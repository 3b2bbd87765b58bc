using DbUp;
using Toolkit.Database.Tests.Engine;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.Adoption;

/// <summary>Databases another tool migrated: DbUp itself makes them here, Flyway's journal is written as Flyway writes it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdoptionSpecs(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-adopt");

    public void Dispose() => _dir.Dispose();

    private string Folder(params (string Name, string Sql)[] files)
    {
        foreach (var (name, sql) in files) _dir.Write(Path.Combine("db", name), sql);
        return _dir.Combine("db");
    }

    // The pattern of the DbUp projects we measured: a function whose body a later script replaces.
    private static readonly (string, string)[] DbUpScripts =
    [
        ("Script0001 - Create.sql", "CREATE TABLE account (id serial PRIMARY KEY, name text NOT NULL);"),
        ("Script0002 - Function.sql", "CREATE OR REPLACE FUNCTION account_label(a account) RETURNS text LANGUAGE sql AS $$ SELECT 'v1 ' || a.name $$;"),
        ("Script0003 - Function v2.sql", "CREATE OR REPLACE FUNCTION account_label(a account) RETURNS text LANGUAGE sql AS $$ SELECT 'v2 ' || a.name $$;"),
    ];

    private async Task<string> DbUpMigratedAsync(string folder)
    {
        var db = await server.CreateDatabaseAsync("a" + Guid.NewGuid().ToString("N"));
        var result = DeployChanges.To.PostgresqlDatabase(db).WithScriptsFromFileSystem(folder).LogToNowhere().Build().PerformUpgrade();
        Assert.True(result.Successful, result.Error?.Message);
        return db;
    }

    [Fact(Timeout = 120_000)]
    public async Task I_see_db_migrate_refuse_a_database_dbup_migrated_naming_its_journal_and_the_adopt_command_changing_nothing()
    {
        var folder = Folder(DbUpScripts);
        var db = await DbUpMigratedAsync(folder);
        var before = await Db.ColumnAsync(db, "SELECT scriptname FROM schemaversions ORDER BY 1");

        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", folder, "--connection", db);

        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains("DbUp journal (public.schemaversions, 3 row(s))", migrate.StandardError);
        Assert.Contains("toolkit db adopt --from dbup", migrate.StandardError);
        Assert.False(await Db.TableExistsAsync(db, "toolkit_journal"));
        Assert.Equal(before, await Db.ColumnAsync(db, "SELECT scriptname FROM schemaversions ORDER BY 1"));
        Assert.Equal("v2 x", await Db.ScalarAsync(db, "SELECT account_label(ROW(1, 'x')::account)"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_adopt_a_dbup_journal_and_then_migrate_runs_only_the_new_script()
    {
        var folder = Folder(DbUpScripts);
        var db = await DbUpMigratedAsync(folder);
        _dir.Write("db/Script0004 - Notes.sql", "CREATE TABLE note (id int);");

        var adopt = await ToolkitCli.RunAsync(_dir.Path, "db", "adopt", "--from", "dbup", "--scripts", folder, "--connection", db);
        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", folder, "--connection", db);

        Assert.Equal(0, adopt.ExitCode);
        Assert.Contains("imported   Script0002 - Function.sql", adopt.StandardOutput);
        Assert.Contains("pending    Script0004 - Notes.sql", adopt.StandardOutput);
        Assert.Equal(0, migrate.ExitCode);
        var status = await ToolkitCli.RunAsync(_dir.Path, "db", "status", "--scripts", folder, "--connection", db, "--json");
        using (var document = System.Text.Json.JsonDocument.Parse(status.StandardOutput))
        {
            Assert.True(document.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal(4, document.RootElement.GetProperty("applied").GetArrayLength());
            Assert.Equal(0, document.RootElement.GetProperty("diagnostics").GetArrayLength());
        }
        Assert.Equal(["Script0004 - Notes.sql"], await Db.ColumnAsync(db, "SELECT script_name FROM toolkit_journal WHERE duration_ms >= 0 AND applied_at > now() - interval '1 minute' AND script_name LIKE '%Notes%'"));
        Assert.Contains("applied  Script0004 - Notes.sql", migrate.StandardOutput);
        Assert.DoesNotContain("Script0001", migrate.StandardOutput);
        Assert.Equal("v2 x", await Db.ScalarAsync(db, "SELECT account_label(ROW(1, 'x')::account)"));
        var again = await ToolkitCli.RunAsync(_dir.Path, "db", "adopt", "--scripts", folder, "--connection", db, "--json");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has rows", again.StandardError);
        // A refusal is the shared document too: ok false, the error as a DiagnosticJson.
        using var refused = System.Text.Json.JsonDocument.Parse(again.StandardOutput);
        Assert.False(refused.RootElement.GetProperty("ok").GetBoolean());
        var diagnostic = Assert.Single(refused.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(["code", "severity", "message", "file", "line", "column", "suggestions", "acknowledged"], diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal("db-adopt", diagnostic.GetProperty("code").GetString());
    }

    // The pattern of a DbUp project we measured (docs/database.md): .psql scripts, embedded, DbUp's filter on that
    // extension, one transaction for the whole run; a README beside them.
    [Fact(Timeout = 120_000)]
    public async Task I_can_adopt_and_migrate_a_dbup_folder_of_psql_scripts_run_in_one_transaction_and_be_told_when_a_folder_has_no_scripts()
    {
        var folder = Folder(("00001-init.psql", "CREATE TABLE ci (id uuid PRIMARY KEY);"),
            ("00002-attribute.psql", "CREATE TABLE attribute (id uuid PRIMARY KEY, ci_id uuid NOT NULL REFERENCES ci (id));"), ("README.md", "scripts for DbUp"));
        var db = await server.CreateDatabaseAsync("a" + Guid.NewGuid().ToString("N"));
        var embedded = Directory.GetFiles(folder, "*.psql").Order(StringComparer.Ordinal)
            .Select(f => new DbUp.Engine.SqlScript("MyApp.Scripts." + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var dbup = DeployChanges.To.PostgresqlDatabase(db).WithScripts(embedded).WithTransaction().LogToNowhere().Build().PerformUpgrade();
        Assert.True(dbup.Successful, dbup.Error?.Message);
        _dir.Write("db/00003-layer.psql", "CREATE TABLE layer (id text PRIMARY KEY);");

        var adopt = await ToolkitCli.RunAsync(_dir.Path, "db", "adopt", "--scripts", folder, "--connection", db);
        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", folder, "--connection", db, "--transaction", "single");
        _dir.Write("notes/README.md", "not a script");
        _dir.Write("notes/schema.txt", "not a script either");
        var none = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", _dir.Combine("notes"), "--connection", db);

        Assert.Equal(0, adopt.ExitCode);
        Assert.Contains("imported   00002-attribute.psql", adopt.StandardOutput);
        Assert.Contains("pending    00003-layer.psql", adopt.StandardOutput);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("applied  00003-layer.psql", migrate.StandardOutput);
        Assert.DoesNotContain("00001", migrate.StandardOutput);
        Assert.True(await Db.TableExistsAsync(db, "layer"));
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("has 2 file(s) but no scripts (README.md, schema.txt): script files end in .sql or .psql", none.StandardError);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_adopt_dbup_embedded_resource_names_against_a_folder_of_the_same_files_and_see_rows_without_files_listed()
    {
        var db = await server.CreateDatabaseAsync("a" + Guid.NewGuid().ToString("N"));
        var result = DeployChanges.To.PostgresqlDatabase(db)
            .WithScript("MyApp.Scripts.0001-Create.sql", "CREATE TABLE t (id int);")
            .WithScript("MyApp.Scripts.0002-Gone.sql", "CREATE TABLE gone (id int);")
            .LogToNowhere().Build().PerformUpgrade();
        Assert.True(result.Successful);
        var folder = Folder(("0001-Create.sql", "CREATE TABLE t (id int);"));

        var adopt = await ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build().AdoptAsync();

        Assert.True(adopt.Successful, adopt.Error);
        Assert.Equal([AdoptedState.Imported, AdoptedState.NoFile], adopt.Scripts.Select(s => s.State));
        Assert.Equal("MyApp.Scripts.0002-Gone.sql", adopt.Scripts[1].JournalName);
        Assert.Empty((await ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build().PlanAsync()).Steps);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_adopt_a_flyway_history_where_a_changed_versioned_file_is_then_refused_and_a_changed_repeatable_reruns()
    {
        var db = await server.CreateDatabaseAsync("a" + Guid.NewGuid().ToString("N"));
        const string v1 = "CREATE TABLE item (id int);\n";
        const string v2 = "ALTER TABLE item ADD COLUMN name text;\n";
        const string view = "CREATE OR REPLACE VIEW item_names AS SELECT name FROM item;\n";
        await Db.ScalarAsync(db, v1 + v2 + view + """
            CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL,
                script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
            """ + $"""
            INSERT INTO flyway_schema_history VALUES (1, '1', 'create', 'SQL', 'V1__create.sql', {Database.Journal.Foreign.FlywayChecksum.Of(v1)}, 'ci', now(), 5, true),
              (2, '1.1', 'name', 'SQL', 'V1.1__name.sql', {Database.Journal.Foreign.FlywayChecksum.Of(v2)}, 'ci', now(), 5, true),
              (3, NULL, 'names', 'SQL', 'R__names.sql', {Database.Journal.Foreign.FlywayChecksum.Of(view)}, 'ci', now(), 5, true);
            """);
        var folder = Folder(("V1__create.sql", v1), ("V1.1__name.sql", v2 + "-- edited after it ran\n"), ("R__names.sql", view.Replace("name FROM", "name, id FROM")),
            ("V2__more.sql", "ALTER TABLE item ADD COLUMN price int;\n"));

        var adopt = await ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build().AdoptAsync(Database.Journal.Foreign.ForeignJournalKind.Flyway);
        var refused = await ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).Build().MigrateAsync();
        var allowed = await ScriptEngineBuilder.For(db).WithScriptsFromFolder(folder).AllowChangedScripts().Build().MigrateAsync();

        Assert.True(adopt.Successful, adopt.Error);
        Assert.Equal([AdoptedState.Imported, AdoptedState.Changed, AdoptedState.RepeatableChanged], adopt.Scripts.Select(s => s.State));
        Assert.Equal(ScriptFailure.ChangedScript, refused.Failure);
        Assert.Equal("V1.1__name.sql", refused.FailingScript);
        Assert.True(allowed.Successful, allowed.Error);
        Assert.Equal(["V2__more.sql", "R__names.sql"], allowed.Executed.Select(e => e.Name));
        Assert.Equal(2, await Db.CountAsync(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'item_names'"));
    }
}
