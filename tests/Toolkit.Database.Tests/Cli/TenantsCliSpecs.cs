using Toolkit.Database.Tests.Engine;
using Toolkit.Database.Tests.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Database.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class TenantsCliSpecs(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-tenantscli");

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task I_can_provision_list_connect_and_verify_tenants_from_the_command_line()
    {
        var admin = await server.CreateDatabaseAsync("cli" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(IsolationLevel.Rls, "acme", "globex");
        var file = _dir.Write("toolkit.yaml", Configs.Yaml(config));
        var acme = config.Tenants[0].Id;

        var provision = await ToolkitCli.RunAsync(_dir.Path, "db", "provision", "--config", file, "--connection", admin);
        Assert.True(provision.ExitCode == 0, provision.StandardError + provision.StandardOutput);
        var list = await ToolkitCli.RunAsync(_dir.Path, "tenants", "list", "--connection", admin, "--json");
        var hidden = await ToolkitCli.RunAsync(_dir.Path, "tenants", "connection", acme, "--config", file, "--connection", admin);
        var shown = await ToolkitCli.RunAsync(_dir.Path, "tenants", "connection", acme, "--config", file, "--connection", admin, "--show-secrets");
        var verify = await ToolkitCli.RunAsync(_dir.Path, "tenants", "verify", "--config", file, "--connection", admin);
        output.WriteLine(verify.StandardOutput);

        Assert.Contains($"\"id\": \"{acme}\"", list.StandardOutput);
        Assert.Contains("\"isolation\": \"rls\"", list.StandardOutput);
        Assert.DoesNotContain("Password", hidden.StandardOutput);
        Assert.Contains($"Options=\"-c app.tenant_id={acme}\"", hidden.StandardOutput);
        Assert.Contains("Password=", shown.StandardOutput);
        Assert.Equal(0, verify.ExitCode);
        Assert.Matches(@"rls: \d+ attempts \(\d+ reads, \d+ writes\), 0 leaks", verify.StandardOutput);

        // The printed connection really is the tenant's: it sees its own rows only.
        await Db.ScalarAsync(admin, $"INSERT INTO app.organizations (tenant_id, name, slug) VALUES ('{acme}', 'A', 'a'), ('{config.Tenants[1].Id}', 'B', 'b')");
        Assert.Equal(["A"], await Db.ColumnAsync(shown.StandardOutput.Trim(), "SELECT name FROM organizations"));

        var remove = await ToolkitCli.RunAsync(_dir.Path, "tenants", "offboard", acme, "--confirm", acme, "--config", file, "--connection", admin);
        Assert.Equal(0, remove.ExitCode);
        Assert.Equal(0, await Db.CountAsync(admin, $"SELECT count(*) FROM app.organizations WHERE tenant_id = '{acme}'"));
    }

    [Fact(Timeout = 180_000)]
    public async Task I_can_fan_out_from_the_command_line_with_a_dump_in_the_summary_and_restore_it()
    {
        var admin = await server.CreateDatabaseAsync("cli" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(IsolationLevel.SchemaPerTenant, "acme", "globex", "initech");
        var file = _dir.Write("toolkit.yaml", Configs.Yaml(config));
        Assert.Equal(0, (await ToolkitCli.RunAsync(_dir.Path, "db", "provision", "--config", file, "--connection", admin)).ExitCode);
        foreach (var s in Toolkit.Database.Baseline.BaselineScripts.For("postgresql").GetScripts())
        {
            _dir.Write(Path.Combine("db", s.Name), s.Up);
            _dir.Write(Path.Combine("db", s.DownName), s.Down!);
        }
        _dir.Write("db/0005_tags.sql", "CREATE TABLE tags (id int, label text);");

        var run = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--tenants", "--parallel", "2", "--canary", "1", "--scripts", _dir.Combine("db"), "--connection", admin, "--json");
        output.WriteLine(run.StandardOutput);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"applied\": 3", run.StandardOutput);
        var backup = System.Text.RegularExpressions.Regex.Match(run.StandardOutput, "\"backup\": \"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith(_dir.Combine(".toolkit", "backups"), backup);
        var noop = await ToolkitCli.RunAsync(_dir.Path, "db", "migrate", "--tenants", "--scripts", _dir.Combine("db"), "--connection", admin);
        Assert.Contains("tenants: 0 applied, 3 skipped, 0 failed", noop.StandardOutput);

        var restore = await ToolkitCli.RunAsync(_dir.Path, "db", "restore", "--from", backup, "--connection", admin);

        Assert.Equal(0, restore.ExitCode);
        foreach (var t in config.Tenants)
            Assert.False(await Db.TableExistsAsync(admin, $"tenant_{t.Slug.Replace('-', '_')}.tags"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_tenant_commands_refuse_sqlite_and_bad_configs_with_exit_1_changing_nothing()
    {
        var admin = await server.CreateDatabaseAsync("cli" + Guid.NewGuid().ToString("N"));
        var bad = _dir.Write("bad.yaml", "version: 1\nproject: [\n");

        var sqlite = await ToolkitCli.RunAsync(_dir.Path, "tenants", "list", "--connection", "Data Source=x.db");
        var badConfig = await ToolkitCli.RunAsync(_dir.Path, "db", "provision", "--config", bad, "--connection", admin);

        Assert.Equal(1, sqlite.ExitCode);
        Assert.Contains("needs PostgreSQL", sqlite.StandardError);
        Assert.Equal(1, badConfig.ExitCode);
        Assert.Contains("bad.yaml:", badConfig.StandardError);
        Assert.Null(await Db.ScalarAsync(admin, "SELECT to_regnamespace('toolkit')::text"));
    }
}
