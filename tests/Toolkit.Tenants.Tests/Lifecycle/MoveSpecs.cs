using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Tests.Fixtures;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Tenants.Tests.Lifecycle;

[Collection(PostgresCollection.Name)]
public sealed class MoveSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Theory(Timeout = 900_000)]
    [InlineData(IsolationLevel.Rls)]
    [InlineData(IsolationLevel.SchemaPerTenant)]
    public async Task I_can_move_a_tenant_to_a_database_of_its_own_and_back_with_identical_rows_and_the_old_place_emptied(IsolationLevel level)
    {
        using var platform = await TestPlatform.CreateAsync(server, level);
        var (a, b) = (platform.Slug("acme"), platform.Slug("globex"));
        foreach (var slug in new[] { a, b }) Assert.Equal(0, (await platform.CliAsync("tenants", "onboard", slug, "--name", slug)).ExitCode);
        await RoundTripSpecs.ExecAsync(await RoundTripSpecs.ConnectionAsync(platform, a), "INSERT INTO organizations (name, slug) SELECT 'o' || i, 's' || i FROM generate_series(1, 300) i; INSERT INTO users (email) VALUES ('x@acme.test')");
        await RoundTripSpecs.ExecAsync(await RoundTripSpecs.ConnectionAsync(platform, b), "INSERT INTO organizations (name, slug) VALUES ('b', 'b')");
        var rows = await RoundTripSpecs.ReadAsync(await RoundTripSpecs.ConnectionAsync(platform, a));
        var stem = "tenant_" + a.Replace('-', '_');

        var move = await platform.CliAsync("tenants", "move", a, "--to", "db-per-tenant", "--json");
        output.WriteLine(move.StandardOutput + move.StandardError);
        Assert.True(move.ExitCode == 0, move.StandardError);
        Assert.Contains("\"rows\": 301", move.StandardOutput);
        Assert.Contains("isolation: db-per-tenant", platform.ConfigText());
        Assert.Equal(IsolationLevel.DbPerTenant, ConfigLoader.Load(platform.ConfigPath).Tenants.Single(t => t.Slug == a).Isolation);
        var moved = await RoundTripSpecs.ConnectionAsync(platform, a);
        Assert.Contains($"Database={stem}", moved);
        Assert.Equal(rows, await RoundTripSpecs.ReadAsync(moved));
        if (level == IsolationLevel.Rls) Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM app.organizations WHERE tenant_id = '{a}'"));
        else Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{stem}'"));
        Assert.Single(await RoundTripSpecs.ReadAsync(await RoundTripSpecs.ConnectionAsync(platform, b)));
        // Mixed levels: the full matrix and the per-tenant one attack across them, each tenant at its own level.
        var mixed = await platform.CliAsync("tenants", "verify", "--json");
        output.WriteLine(mixed.StandardOutput + mixed.StandardError);
        Assert.True(mixed.ExitCode == 0, mixed.StandardOutput + mixed.StandardError);
        Assert.Matches($"\"isolation\": \"{Words.Of(level)}(\\+|\\\\u002B)db-per-tenant\"", mixed.StandardOutput);
        var one = await new Toolkit.Database.Isolation.AttackMatrix(platform.Admin).RunForAsync(a);
        output.WriteLine(one.Summary);
        Assert.Equal(0, one.Leaks);
        Assert.Contains(one.Outcomes, o => o.Vector == "connect to victim's database" && o.Victim == a && o.Detail.StartsWith("refused", StringComparison.Ordinal));

        var back = await platform.CliAsync("tenants", "move", a, "--to", Words.Of(level));
        Assert.True(back.ExitCode == 0, back.StandardError);
        Assert.DoesNotContain("isolation: db-per-tenant", platform.ConfigText());
        Assert.Equal(rows, await RoundTripSpecs.ReadAsync(await RoundTripSpecs.ConnectionAsync(platform, a)));
        Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM pg_database WHERE datname = '{stem}'"));
        Assert.Contains("# Test platform for the tenant lifecycle.", platform.ConfigText());
        var verify = await platform.CliAsync("tenants", "verify");
        output.WriteLine(verify.StandardOutput);
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact(Timeout = 600_000)]
    public async Task I_can_see_a_failed_move_leave_the_tenant_where_it_was_and_readable()
    {
        using var platform = await TestPlatform.CreateAsync(server, IsolationLevel.SchemaPerTenant);
        var a = platform.Slug("acme");
        Assert.Equal(0, (await platform.CliAsync("tenants", "onboard", a, "--name", a)).ExitCode);
        var stem = "tenant_" + a.Replace('-', '_');
        await RoundTripSpecs.ExecAsync(await RoundTripSpecs.ConnectionAsync(platform, a), "INSERT INTO organizations (name, slug) VALUES ('a', 'a')");
        await platform.ScalarAsync($"CREATE TABLE {stem}.extra (id int); INSERT INTO {stem}.extra VALUES (1)");
        var config = platform.ConfigText();
        var rows = await RoundTripSpecs.ReadAsync(await RoundTripSpecs.ConnectionAsync(platform, a));

        var move = await platform.CliAsync("tenants", "move", a, "--to", "db-per-tenant");

        output.WriteLine(move.StandardError);
        Assert.Equal(1, move.ExitCode);
        Assert.Contains("table extra", move.StandardError);
        Assert.Equal(config, platform.ConfigText());
        Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM pg_database WHERE datname = '{stem}'"));
        Assert.Equal("schema-per-tenant", await platform.ScalarAsync($"SELECT isolation FROM toolkit.tenants WHERE id = '{a}'"));
        Assert.Equal(rows, await RoundTripSpecs.ReadAsync(await RoundTripSpecs.ConnectionAsync(platform, a)));
    }
}
