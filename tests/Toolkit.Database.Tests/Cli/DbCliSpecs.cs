using Toolkit.Database.Tests.Engine;
using Toolkit.Testing;

namespace Toolkit.Database.Tests.Cli;

public sealed class DbCliSpecs : IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-dbcli");

    public void Dispose() => _dir.Dispose();

    private string Scripts(params (string Name, string Sql)[] files)
    {
        foreach (var (name, sql) in files) _dir.Write(Path.Combine("db", name), sql);
        return _dir.Combine("db");
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_migrate_the_shipped_baseline_into_the_default_sqlite_file_and_see_its_status()
    {
        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate");
        var status = await ToolkitCli.RunAsync(_dir.Path, "db", "status", "--json");

        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("applied  0004_audit_log.sql", migrate.StandardOutput);
        Assert.True(File.Exists(_dir.Combine(".toolkit", "toolkit.db")));
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("\"pending\": []", status.StandardOutput);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(status.StandardOutput, "\"checksum\"").Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_a_changed_applied_script_refused_with_exit_1_naming_it_unless_allow_changed()
    {
        var db = Scripts(("0001_a.sql", "CREATE TABLE a (id int);"), ("0002_b.sql", "CREATE TABLE b (id int);"));
        Assert.Equal(0, (await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db)).ExitCode);
        _dir.Write("db/0001_a.sql", "CREATE TABLE a (id int, changed int);");
        _dir.Write("db/0003_c.sql", "CREATE TABLE c (id int);");

        var refused = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("0001_a.sql was changed", refused.StandardError);
        Assert.False(await Db.TableExistsAsync($"Data Source={_dir.Combine(".toolkit", "toolkit.db")}", "c"));

        var allowed = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db, "--allow-changed");
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_dry_run_a_migrate_and_see_the_plan_mark_one_way_scripts_with_nothing_changed()
    {
        var db = Scripts(("0001_a.sql", "CREATE TABLE a (id int);"), ("0001_a.down.sql", "DROP TABLE a;"), ("0002_seed.sql", "INSERT INTO a VALUES (1);"));

        var dry = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db, "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.Equal("apply 0001_a.sql\napply 0002_seed.sql  [one-way: no down script]\nthis plan contains one-way scripts: once applied, rollback cannot pass them\n", dry.StandardOutput);
        Assert.False(await Db.TableExistsAsync($"Data Source={_dir.Combine(".toolkit", "toolkit.db")}", "toolkit_journal"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_roll_back_with_to_and_be_refused_past_a_one_way_script_by_name()
    {
        var db = Scripts(("0001_a.sql", "CREATE TABLE a (id int);"), ("0001_a.down.sql", "DROP TABLE a;"),
            ("0002_seed.sql", "INSERT INTO a VALUES (1);"),
            ("0003_b.sql", "CREATE TABLE b (id int);"), ("0003_b.down.sql", "DROP TABLE b;"));
        await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db);

        var refused = await ToolkitCli.RunAsync(_dir.Path, "db", "rollback", "--to", "0001", "--scripts", db);
        var rolled = await ToolkitCli.RunAsync(_dir.Path, "db", "rollback", "--to", "0002", "--scripts", db);
        var unknown = await ToolkitCli.RunAsync(_dir.Path, "db", "rollback", "--to", "0009", "--scripts", db);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("0002_seed.sql is one-way", refused.StandardError);
        Assert.Equal(0, rolled.ExitCode);
        Assert.Contains("reverted 0003_b.sql", rolled.StandardOutput);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--to 0009 is not the version or name of any script", unknown.StandardError);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_write_a_release_manifest_of_the_scripts_a_migrate_applied()
    {
        var db = Scripts(("0001_a.sql", "CREATE TABLE a (id int);"), ("0001_a.down.sql", "DROP TABLE a;"));
        await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db);
        _dir.Write("db/0002_backfill.sql", "INSERT INTO a VALUES (1);");
        var checksum = Toolkit.Database.Scripts.DatabaseScript.ComputeChecksum("INSERT INTO a VALUES (1);");

        var run = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db, "--release-manifest", "release.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($$"""
            {
              "oneWay": true,
              "scripts": [
                {
                  "name": "0002_backfill.sql",
                  "checksum": "{{checksum}}",
                  "oneWay": true
                }
              ]
            }

            """, File.ReadAllText(_dir.Combine("release.json")));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_lint_findings_stop_migrate_with_file_line_and_rule_and_exit_1()
    {
        var db = Scripts(("0001_a.sql", "CREATE TABLE a (id int, old text);"));
        await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db);
        _dir.Write("db/0002_drop.sql", "ALTER TABLE a DROP COLUMN old;");

        var blocked = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db);
        var plan = await ToolkitCli.RunAsync(_dir.Path, "db", "plan", "--scripts", db, "--json");
        var allowed = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db, "--allow-destructive");

        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains($"{_dir.Combine("db", "0002_drop.sql")}:1:15: error drop-column:", blocked.StandardError);
        // Each finding once, with one severity, and the refusal once.
        var all = blocked.StandardOutput + blocked.StandardError;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, "drop-column:"));
        Assert.DoesNotContain("warning: ", all);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, "destructive or locking change"));
        Assert.Contains("using the SQLite file " + _dir.Combine(".toolkit", "toolkit.db"), blocked.StandardError);
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("\"code\": \"drop-column\"", plan.StandardOutput);
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_get_exit_2_for_a_bad_command_line_and_exit_1_for_a_bad_connection_or_script_name()
    {
        var usage = await ToolkitCli.RunAsync(_dir.Path, "db", "rollback");
        var badConnection = await ToolkitCli.RunAsync(_dir.Path, "db", "status", "--connection", "Nonsense=1");
        var db = Scripts(("V1__ok.sql", "SELECT 1;"), ("Create Users.sql", "SELECT 1;"));
        var badName = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db);

        Assert.Equal(2, usage.ExitCode);
        Assert.Equal(1, badConnection.ExitCode);
        Assert.Contains("--connection is neither", badConnection.StandardError);
        Assert.Equal(1, badName.ExitCode);
        Assert.Contains("'Create Users.sql' is not a Flyway name in a folder of Flyway scripts", badName.StandardError);
        Assert.False(File.Exists(_dir.Combine(".toolkit", "toolkit.db")) && await Db.TableExistsAsync($"Data Source={_dir.Combine(".toolkit", "toolkit.db")}", "toolkit_journal"));
    }
}

public sealed class ReleaseManifestSpecs : IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-manifest");

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task I_can_feed_the_manifest_db_migrate_writes_into_the_reader_promote_uses()
    {
        _dir.Write("db/0001_a.sql", "CREATE TABLE a (id int);");
        _dir.Write("db/0001_a.down.sql", "DROP TABLE a;");
        _dir.Write("db/0002_seed.sql", "INSERT INTO a VALUES (1);");

        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", _dir.Combine("db"), "--release-manifest", _dir.Combine("release.json"));
        var manifest = Toolkit.Core.Releases.ReleaseManifest.Load(_dir.Combine("release.json"));

        Assert.Equal(0, migrate.ExitCode);
        Assert.True(manifest.OneWay);
        Assert.Equal(["0002_seed.sql"], manifest.OneWayScripts);
        Assert.Equal(["0001_a.sql", "0002_seed.sql"], manifest.Scripts.Select(s => s.Name));
        Assert.All(manifest.Scripts, s => Assert.Equal(64, s.Checksum!.Length));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_lint_a_folder_without_a_database_and_read_every_db_document_in_the_shared_diagnostic_shape()
    {
        _dir.Write("db/0001_a.sql", "CREATE TABLE a (id int, old text);");
        _dir.Write("db/0002_drop.sql", "ALTER TABLE a DROP COLUMN old;\nCREATE INDEX a_id ON a (id);");
        var db = _dir.Combine("db");

        var lint = await ToolkitCli.RunAsync(_dir.Path, "db", "lint", "--scripts", db, "--json");
        var text = await ToolkitCli.RunAsync(_dir.Path, "db", "lint", "--scripts", db);
        var migrate = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--scripts", db, "--json");

        Assert.Equal(1, lint.ExitCode);
        Assert.False(File.Exists(_dir.Combine(".toolkit", "toolkit.db")) && lint.StandardError.Contains("SQLite"));
        using (var document = System.Text.Json.JsonDocument.Parse(lint.StandardOutput))
        {
            var root = document.RootElement;
            Assert.Equal("ok", root.EnumerateObject().First().Name);
            Assert.False(root.GetProperty("ok").GetBoolean());
            Assert.Equal((1, 1), (root.GetProperty("errors").GetInt32(), root.GetProperty("warnings").GetInt32()));
            var findings = root.GetProperty("diagnostics").EnumerateArray().ToList();
            Assert.Equal(["drop-column", "index-without-concurrently"], findings.Select(f => f.GetProperty("code").GetString()));
            Assert.All(findings, f => Assert.Equal(["code", "severity", "message", "file", "line", "column", "suggestions", "acknowledged"], f.EnumerateObject().Select(p => p.Name)));
            Assert.Equal(_dir.Combine("db", "0002_drop.sql"), findings[0].GetProperty("file").GetString());
            Assert.Equal(1, findings[0].GetProperty("line").GetInt32());
        }
        Assert.Contains($"{_dir.Combine("db", "0002_drop.sql")}:1:15: error drop-column:", text.StandardOutput);
        Assert.Contains("2 script(s): 1 error(s), 1 warning(s)", text.StandardOutput);
        Assert.Equal(0, migrate.ExitCode);
        using (var document = System.Text.Json.JsonDocument.Parse(migrate.StandardOutput))
        {
            var root = document.RootElement;
            Assert.True(root.GetProperty("ok").GetBoolean());
            Assert.Equal(["0001_a.sql", "0002_drop.sql"], root.GetProperty("executed").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("failure").ValueKind);
            // Migrated from scratch, the run itself created table a: dropping its column or indexing it is no finding.
            Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_have_ci_init_write_a_matrix_of_tenant_shards_and_be_refused_an_impossible_count()
    {
        var sharded = await ToolkitCli.RunAsync(_dir.Path, "ci", "init", "--provider", "github", "--db-shards", "3", "--root", _dir.Combine("sharded"));
        var plain = await ToolkitCli.RunAsync(_dir.Path, "ci", "init", "--provider", "github", "--root", _dir.Combine("plain"));
        var bad = await ToolkitCli.RunAsync(_dir.Path, "ci", "init", "--provider", "github", "--db-shards", "0", "--root", _dir.Combine("bad"));

        Assert.Equal(0, sharded.ExitCode);
        var yaml = File.ReadAllText(_dir.Combine("sharded", ".github", "workflows", "deploy.yml"));
        var job = yaml[yaml.IndexOf("  database_migration:", StringComparison.Ordinal)..yaml.IndexOf("  deploy_staging:", StringComparison.Ordinal)];
        Assert.Contains("    strategy:\n      fail-fast: false", job);
        Assert.Contains("      matrix:\n        shard: [1, 2, 3]\n", job);
        Assert.Contains("toolkit db migrate --tenants --shard ${{ matrix.shard }}/3 ", job);
        Assert.Contains("name: release-manifest-${{ matrix.shard }}", job);
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        var jobs = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        var strategy = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)jobs["database_migration"])["strategy"];
        var shard = (YamlDotNet.RepresentationModel.YamlSequenceNode)((YamlDotNet.RepresentationModel.YamlMappingNode)strategy["matrix"])["shard"];
        Assert.Equal(["1", "2", "3"], shard.Children.Select(c => ((YamlDotNet.RepresentationModel.YamlScalarNode)c).Value));
        Assert.Contains("pattern: release-manifest-*", yaml);
        Assert.Contains("> .toolkit/release.json", yaml);
        // The default stays one job, unchanged.
        var single = File.ReadAllText(_dir.Combine("plain", ".github", "workflows", "deploy.yml"));
        Assert.DoesNotContain("matrix", single);
        Assert.Contains("toolkit db migrate --connection", single);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--db-shards must be from 1 to 256", bad.StandardError);
        Assert.False(Directory.Exists(_dir.Combine("bad")));
    }
}
