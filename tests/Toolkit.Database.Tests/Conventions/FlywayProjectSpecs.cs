using Toolkit.Core.Diagnostics;
using Toolkit.Database.Journal.Foreign;
using Toolkit.Database.Scripts;
using Toolkit.Database.Scripts.Flyway;
using Toolkit.Database.Tests.Engine;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.Conventions;

/// <summary>
/// Flyway projects as teams lay them out (our own fixture, <c>Conventions/FlywayProject/</c>): a <c>flyway.conf</c> naming two
/// locations, versions spread over subfolders, a template Flyway ignores, undo scripts, placeholders, a renamed history table
/// and a default schema; and a <c>flyway.toml</c> with timestamp names. On a real PostgreSQL, through the built CLI.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FlywayProjectSpecs(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-flyway");

    public void Dispose() => _dir.Dispose();

    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Conventions", "FlywayProject");

    // A copy of the fixture project to change freely.
    private string Project()
    {
        var root = _dir.Combine("p" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var file in Directory.EnumerateFiles(Fixture, "*", SearchOption.AllDirectories))
            _dir.Write(Path.Combine(Path.GetFileName(root), Path.GetRelativePath(Fixture, file)), File.ReadAllText(file));
        return root;
    }

    private Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync("f" + Guid.NewGuid().ToString("N"));

    [Fact(Timeout = 180_000)]
    public async Task I_can_migrate_a_flyway_project_reading_its_subfolders_in_version_order_with_placeholders_in_its_schema_and_roll_back_with_undo()
    {
        var project = Project();
        var db = await NewDatabaseAsync();

        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", project, "--connection", db);
        var again = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", project, "--connection", db);

        Assert.True(migrate.ExitCode == 0, migrate.StandardError);
        // Numeric across subfolders (1.10 is in v1/, 1.2 in v2/), the repeatable from the second location last; the template is not run.
        Assert.Equal(["applied  V1__accounts.sql", "applied  V1.2__invoices.sql", "applied  V1.10__retention.sql", "applied  V2__invoice_notes.sql", "applied  R__account_totals.sql"],
            migrate.StandardOutput.Split('\n').Where(l => l.StartsWith("applied", StringComparison.Ordinal)).Select(l => l.Replace("  [one-way]", "")));
        Assert.Equal(["account_totals", "accounts", "invoice_notes", "invoices", "retention", "toolkit_journal"],
            await Db.ColumnAsync(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'billing' ORDER BY 1"));
        Assert.Equal("30", await Db.ScalarAsync(db, "SELECT column_default FROM information_schema.columns WHERE table_schema = 'billing' AND table_name = 'retention'"));
        Assert.Equal("owned by billing team in billing", await Db.ScalarAsync(db, "SELECT obj_description('billing.retention'::regclass)"));
        Assert.Contains("done: 0 script(s)", again.StandardOutput + again.StandardError);
        var back = await ToolkitCli.RunAsync(_dir.Path, "db", "rollback", "--to", "1.10", "--scripts", project, "--connection", db);
        Assert.True(back.ExitCode == 0, back.StandardError);
        Assert.Contains("reverted V2__invoice_notes.sql", back.StandardOutput);
        Assert.Equal(0, await Db.CountAsync(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'invoice_notes'"));
        // The journal keeps the checksum of the file as written (placeholders unreplaced), as Flyway's does.
        Assert.Equal(DatabaseScript.ComputeChecksum(File.ReadAllText(Path.Combine(project, "db/migration/v1/V1.10__retention.sql"))),
            await Db.ScalarAsync(db, "SELECT checksum FROM billing.toolkit_journal WHERE script_name = 'V1.10__retention.sql'"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_get_an_error_naming_both_files_for_a_version_used_twice_across_subfolders_and_nothing_changes()
    {
        var project = Project();
        File.WriteAllText(Path.Combine(project, "db/migration/v2/V1.0__again.sql"), "CREATE TABLE again (id int);");
        var db = await NewDatabaseAsync();

        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", project, "--connection", db);
        var lint = await ToolkitCli.RunAsync(_dir.Path, "db", "lint", "--scripts", project);

        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains("version 1 is used by more than one script (v1/V1__accounts.sql, v2/V1.0__again.sql)", migrate.StandardError);
        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("v2/V1.0__again.sql", lint.StandardError);
        Assert.Equal(0, await Db.CountAsync(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_get_an_error_naming_the_file_line_and_placeholder_that_has_no_value_and_nothing_changes()
    {
        var project = Project();
        File.WriteAllText(Path.Combine(project, "flyway.conf"), File.ReadAllText(Path.Combine(project, "flyway.conf")).Replace("flyway.placeholders.owner_label=billing team\n", ""));
        var db = await NewDatabaseAsync();

        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", project, "--connection", db);

        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains($"{Path.Combine(project, "db/migration/v1/V1.10__retention.sql")}:3:", migrate.StandardError);
        Assert.Contains("no value for placeholder ${owner_label}", migrate.StandardError);
        Assert.Equal(0, await Db.CountAsync(db, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'billing'"));
    }

    [Fact(Timeout = 180_000)]
    public async Task I_see_migrate_refuse_a_database_flyway_migrated_into_its_renamed_table_and_schema_then_adopt_and_run_only_the_rest()
    {
        var project = Project();
        var db = await NewDatabaseAsync();
        string Text(string relative) => File.ReadAllText(Path.Combine(project, relative));
        // What Flyway leaves after V1 and V1.2: its schema-creation marker, a row per script with the script's path below its
        // location and the CRC-32 of the file as written, and the objects themselves.
        await Db.ScalarAsync(db, "CREATE SCHEMA billing; SET search_path = billing; " + Text("db/migration/v1/V1__accounts.sql") + Text("db/migration/v2/V1.2__invoices.sql") + $"""
            CREATE TABLE billing.schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL,
                script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
            INSERT INTO billing.schema_history VALUES (1, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"billing"', NULL, 'ci', now(), 0, true),
              (2, '1', 'accounts', 'SQL', 'v1/V1__accounts.sql', {FlywayChecksum.Of(Text("db/migration/v1/V1__accounts.sql"))}, 'ci', now(), 4, true),
              (3, '1.2', 'invoices', 'SQL', 'v2/V1.2__invoices.sql', {FlywayChecksum.Of(Text("db/migration/v2/V1.2__invoices.sql"))}, 'ci', now(), 4, true);
            """);

        var refused = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", project, "--connection", db);
        var adopt = await ToolkitCli.RunAsync(_dir.Path, "db", "adopt", "--from", "flyway", "--scripts", project, "--connection", db, "--json");
        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", project, "--connection", db);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Flyway journal (billing.schema_history, 3 row(s))", refused.StandardError);
        Assert.False(await Db.TableExistsAsync(db, "retention"));
        Assert.True(adopt.ExitCode == 0, adopt.StandardError + adopt.StandardOutput);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(adopt.StandardOutput, "\"imported\"").Count);
        Assert.True(migrate.ExitCode == 0, migrate.StandardError);
        Assert.Equal(["applied  V1.10__retention.sql", "applied  V2__invoice_notes.sql", "applied  R__account_totals.sql"],
            migrate.StandardOutput.Split('\n').Where(l => l.StartsWith("applied", StringComparison.Ordinal)).Select(l => l.Replace("  [one-way]", "")));
        Assert.Equal(3, await Db.CountAsync(db, "SELECT count(*) FROM billing.schema_history"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_migrate_a_flyway_toml_project_with_timestamp_names_an_empty_prefix_and_its_own_separator()
    {
        var root = _dir.Combine("toml");
        _dir.Write("toml/flyway.toml", """
            [environments.default]
            url = "jdbc:postgresql://localhost/app"

            [flyway]
            locations = ["filesystem:migrations"]
            sqlMigrationPrefix = ""
            sqlMigrationSeparator = "_"

            [flyway.placeholders]
            kind_default = "'note'"
            """);
        _dir.Write("toml/migrations/2024/20240315120000_add_kind.sql", "ALTER TABLE events ADD COLUMN kind text DEFAULT ${kind_default};");
        _dir.Write("toml/migrations/2023/20231201093000_create_events.sql", "CREATE TABLE events (id int);");
        _dir.Write("toml/migrations/R_event_kinds.sql", "CREATE OR REPLACE VIEW event_kinds AS SELECT DISTINCT kind FROM events;");
        var db = await NewDatabaseAsync();

        var result = await ScriptEngineBuilder.For(db).WithScriptsFromFolder(root).Build().MigrateAsync();

        Assert.True(result.Successful, result.Error + string.Join("; ", result.Diagnostics));
        Assert.Equal(["20231201093000_create_events.sql", "20240315120000_add_kind.sql", "R_event_kinds.sql"], result.Executed.Select(e => e.Name));
        Assert.Equal("'note'::text", await Db.ScalarAsync(db, "SELECT column_default FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'kind'"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_run_a_script_that_commits_its_new_enum_value_before_using_it_as_flyway_runs_it()
    {
        // A real Flyway project does this in 17 scripts: PostgreSQL refuses a new enum value in the transaction that added it.
        _dir.Write("enum/V1__kind.sql", "CREATE TYPE kind AS ENUM ('a');\nCREATE TABLE item (k kind);");
        _dir.Write("enum/V2__kind_b.sql", "ALTER TYPE kind ADD VALUE 'b';\n\nCOMMIT;\n\nINSERT INTO item VALUES ('b');");
        var db = await NewDatabaseAsync();
        var engine = ScriptEngineBuilder.For(db).WithScriptsFromFolder(_dir.Combine("enum")).Build();

        var plan = await engine.PlanAsync();
        var result = await engine.MigrateAsync();

        Assert.True(plan.Steps.Single(s => s.Name == "V2__kind_b.sql").OutsideTransaction);
        Assert.True(result.Successful, result.Error);
        Assert.Equal(1, await Db.CountAsync(db, "SELECT count(*) FROM item WHERE k = 'b'"));
    }

    [Fact]
    public void I_can_read_flyway_conf_continuations_and_toml_environments_and_parse_custom_names_as_flyway_does()
    {
        var conf = FlywayConfigFile.ReadProperties("# c\nflyway.locations=filesystem:a,\\\n   filesystem:b\nflyway.schemas = app, audit\nother.key=x\n", "flyway.conf");
        var toml = FlywayConfigFile.ReadToml("[flyway]\nenvironment = \"prod\"\ntable = \"history\"\n[flyway.placeholders]\nx = 1\n[environments.prod]\nschemas = [\"app\"]\n", "flyway.toml");
        var naming = new FlywayNaming("M", "Undo", "Rep", "-", [".sql", ".psql"]);

        Assert.Equal("filesystem:a,filesystem:b", conf["locations"]);
        Assert.Equal("app", FlywaySettings.From(conf, _dir.Path, "flyway.conf").DefaultSchema);
        Assert.False(conf.ContainsKey("other.key"));
        Assert.Equal(("history", "1", "app"), (toml["table"], toml["placeholders.x"], toml["schemas"]));
        Assert.Equal((ScriptRole.Versioned, "1.2", "add x"), Parts(naming.TryParse("M1.2-add x.psql")));
        Assert.Equal((ScriptRole.Down, "1.2", "add x"), Parts(naming.TryParse("Undo1.2-add x.sql")));
        Assert.Equal((ScriptRole.Repeatable, "", "views"), Parts(naming.TryParse("Rep-views.sql")));
        Assert.Null(naming.TryParse("V1__x.sql"));
        Assert.Null(FlywayNaming.Default.TryParse("V1__.sql"));
        var bad = Assert.Throws<DiagnosticException>(() => FlywaySettings.From(new Dictionary<string, string> { ["locations"] = "s3:bucket", ["placeholderReplacement"] = "maybe" }, _dir.Path, "flyway.conf"));
        Assert.Equal(2, bad.Diagnostics.Count);
    }

    private static (ScriptRole, string, string) Parts(ScriptName? name) => (name!.Role, name.Version, name.Label);
}
