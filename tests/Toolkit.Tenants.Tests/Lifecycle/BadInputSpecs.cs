using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Tests.Fixtures;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Tenants.Tests.Lifecycle;

/// <summary>Bad input to every verb: a located error, exit 1, and the config and database exactly as they were.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Fact(Timeout = 900_000)]
    public async Task I_can_see_unknown_tenants_taken_slugs_hostile_names_unconfirmed_offboards_and_restores_onto_live_data_refused_changing_nothing()
    {
        using var platform = await TestPlatform.CreateAsync(server, IsolationLevel.SchemaPerTenant);
        var acme = platform.Slug("acme");
        Assert.Equal(0, (await platform.CliAsync("tenants", "onboard", acme, "--name", "Acme")).ExitCode);
        await RoundTripSpecs.ExecAsync(await RoundTripSpecs.ConnectionAsync(platform, acme), "INSERT INTO organizations (name, slug) VALUES ('a', 'a')");
        Assert.Equal(0, (await platform.CliAsync("tenants", "backup", acme, "--out", platform.Path("acme.tar"))).ExitCode);
        var config = platform.ConfigText();
        var state = await TenantState.SnapshotAsync(platform, acme);
        var roles = await platform.RowsAsync("SELECT rolname, rolcanlogin FROM pg_roles ORDER BY 1");
        var schemas = await platform.RowsAsync("SELECT nspname FROM pg_namespace ORDER BY 1");

        (string[] Args, string Message)[] cases =
        [
            (["tenants", "backup", "nope", "--out", platform.Path("x.tar")], "tenant 'nope' is not in the config's tenants"),
            (["tenants", "suspend", "nope"], "tenant 'nope' is not in the config's tenants"),
            (["tenants", "move", "nope", "--to", "db-per-tenant"], "tenant 'nope' is not in the config's tenants"),
            (["tenants", "offboard", "nope", "--confirm", "nope"], "tenant 'nope' is not in the config's tenants"),
            (["tenants", "onboard", acme, "--name", "Again"], $"slug '{acme}' is taken by tenant '{acme}'"),
            (["tenants", "onboard", "x\"; drop schema public; --", "--name", "Evil"], "is not valid"),
            (["tenants", "onboard", platform.Slug("evil"), "--name", "line\nbreak"], "not a usable display name"),
            (["tenants", "onboard", platform.Slug("evil"), "--name", "Evil", "--subdomain", "-bad-"], "is not a DNS label"),
            (["tenants", "offboard", acme], $"pass --confirm {acme}"),
            (["tenants", "offboard", acme, "--confirm", "acme"], "does not match"),
            (["tenants", "restore", acme, "--from", platform.Path("acme.tar")], "live rows"),
            (["tenants", "restore", acme, "--from", platform.Path("missing.tar")], "no such file"),
            (["tenants", "move", acme, "--to", "schema-per-tenant"], "already under schema-per-tenant"),
            (["tenants", "move", acme, "--to", "silo"], "is not one of rls, schema-per-tenant, db-per-tenant"),
        ];
        foreach (var (args, message) in cases)
        {
            var run = await platform.CliAsync(args);
            output.WriteLine($"{string.Join(' ', args)}\n  -> {run.ExitCode}: {run.StandardError.Trim()}");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(message, run.StandardError);
            Assert.Equal(config, platform.ConfigText());
        }
        foreach (var located in new[] { cases[0], cases[4], cases[8], cases[10] })
            Assert.Contains("toolkit.yaml:", (await platform.CliAsync(located.Args)).StandardError);
        // With --json each refusal is the shared document on stdout, with the same exit code and the location as fields.
        foreach (var (args, message) in cases)
        {
            var run = await platform.CliAsync([.. args, "--json"]);
            Assert.Equal(1, run.ExitCode);
            var refusal = Refusal(run.StandardOutput);
            Assert.False(refusal.GetProperty("ok").GetBoolean());
            Assert.Equal(string.Join(' ', args.Take(2)), refusal.GetProperty("command").GetString());
            Assert.Contains(refusal.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error" && d.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal));
        }
        var unknown = Refusal((await platform.CliAsync("tenants", "suspend", "nope", "--json")).StandardOutput).GetProperty("diagnostics")[0];
        Assert.Equal("tenant-unknown", unknown.GetProperty("code").GetString());
        Assert.EndsWith("toolkit.yaml", unknown.GetProperty("file").GetString());
        Assert.True(unknown.GetProperty("line").GetInt32() > 1);
        Assert.Equal(config, platform.ConfigText());
        Assert.Equal(state, await TenantState.SnapshotAsync(platform, acme));
        Assert.Equal(roles, await platform.RowsAsync("SELECT rolname, rolcanlogin FROM pg_roles ORDER BY 1"));
        Assert.Equal(schemas, await platform.RowsAsync("SELECT nspname FROM pg_namespace ORDER BY 1"));
        Assert.False(Directory.Exists(Path.Combine(platform.Directory, ".toolkit", "tenants", "erasure")));
    }

    [Fact(Timeout = 300_000)]
    public async Task I_can_read_every_tenants_verb_failure_as_json_with_the_exit_code_unchanged_a_dead_database_and_a_bad_command_line_too()
    {
        using var platform = await TestPlatform.CreateAsync(server, IsolationLevel.Rls);
        var acme = platform.Slug("acme");
        const string dead = "Host=127.0.0.1;Port=1;Database=none;Username=admin;Password=hunter2;Timeout=3";
        string[][] verbs =
        [
            ["onboard", platform.Slug("other"), "--name", "Other"], ["suspend", acme], ["resume", acme], ["backup", acme, "--out", platform.Path("a.tar")],
            ["restore", acme, "--from", platform.Path("a.tar")], ["move", acme, "--to", "db-per-tenant"], ["offboard", acme, "--confirm", acme],
            ["list"], ["connection", acme], ["verify"],
        ];
        Assert.Equal(0, (await platform.CliAsync("tenants", "onboard", acme, "--name", "Acme")).ExitCode);
        foreach (var verb in verbs)
        {
            var run = await ToolkitCli.RunAsync(platform.Directory, null, ["tenants", .. verb, "--config", platform.ConfigPath, "--connection", dead, "--json"]);
            output.WriteLine($"{string.Join(' ', verb)} -> {run.ExitCode}: {run.StandardOutput.Trim()}");
            Assert.Equal(1, run.ExitCode);
            var refusal = Refusal(run.StandardOutput);
            Assert.Equal("tenants " + verb[0], refusal.GetProperty("command").GetString());
            Assert.NotEmpty(refusal.GetProperty("diagnostics").EnumerateArray());
            Assert.DoesNotContain("hunter2", run.StandardOutput + run.StandardError);
        }
        var usage = await platform.CliAsync("tenants", "backup", acme, "--json");
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("usage", Refusal(usage.StandardOutput).GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Contains("--out", usage.StandardOutput);
    }

    private static System.Text.Json.JsonElement Refusal(string stdout)
    {
        using var document = System.Text.Json.JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }
}
