using System.Text.RegularExpressions;
using Npgsql;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Tests.Fixtures;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Tenants.Tests.Lifecycle;

[Collection(PostgresCollection.Name)]
public sealed class RoundTripSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Theory(Timeout = 900_000)]
    [InlineData(IsolationLevel.Rls)]
    [InlineData(IsolationLevel.SchemaPerTenant)]
    [InlineData(IsolationLevel.DbPerTenant)]
    public async Task I_can_onboard_write_back_up_suspend_resume_offboard_and_restore_a_tenant_with_the_same_checksums(IsolationLevel level)
    {
        using var platform = await TestPlatform.CreateAsync(server, level);
        var (a, b) = (platform.Slug("acme"), platform.Slug("globex"));
        foreach (var slug in new[] { a, b })
        {
            var onboard = await platform.CliAsync("tenants", "onboard", slug, "--name", $"{slug} Inc", "--plan", "growth");
            output.WriteLine(onboard.StandardOutput + onboard.StandardError);
            Assert.True(onboard.ExitCode == 0, onboard.StandardError);
            Assert.DoesNotContain("Password", onboard.StandardOutput);
        }
        Assert.Contains("# Test platform for the tenant lifecycle.", platform.ConfigText());
        Assert.Contains("isolation: " + Words.Of(level) + "   # rls | schema-per-tenant | db-per-tenant", platform.ConfigText());
        var connA = await ConnectionAsync(platform, a);
        var connB = await ConnectionAsync(platform, b);
        await ExecAsync(connA, "INSERT INTO organizations (name, slug) SELECT 'org ' || i, 'org-' || i FROM generate_series(1, 50) i");
        await ExecAsync(connA, "INSERT INTO users (email) SELECT 'u' || i || '@acme.test' FROM generate_series(1, 20) i");
        await ExecAsync(connB, "INSERT INTO organizations (name, slug) SELECT 'b ' || i, 'b-' || i FROM generate_series(1, 7) i");
        var before = await ReadAsync(connA);

        var backup = await platform.CliAsync("tenants", "backup", a, "--out", platform.Path("a.tar"), "--json");
        Assert.True(backup.ExitCode == 0, backup.StandardError);
        Assert.Contains("\"rows\": 70", backup.StandardOutput);
        var checksums = Regex.Matches(backup.StandardOutput, "\"checksum\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        var suspend = await platform.CliAsync("tenants", "suspend", a);
        Assert.True(suspend.ExitCode == 0, suspend.StandardError);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ReadAsync(connA));
        Assert.Equal("28000", refused.SqlState);
        Assert.Matches(@"status: suspended", platform.ConfigText());
        Assert.Equal(7, (await ReadAsync(connB)).Count);
        Assert.Equal(0, (await platform.CliAsync("tenants", "resume", a)).ExitCode);
        Assert.Equal(before, await ReadAsync(connA));
        Assert.DoesNotContain("status: suspended", platform.ConfigText());

        var offboard = await platform.CliAsync("tenants", "offboard", a, "--confirm", a, "--backup-dir", platform.Path("kept"), "--json");
        output.WriteLine(offboard.StandardOutput + offboard.StandardError);
        Assert.True(offboard.ExitCode == 0, offboard.StandardError);
        var kept = Regex.Match(offboard.StandardOutput, "\"backup\": \"([^\"]+)\"").Groups[1].Value;
        var record = Regex.Match(offboard.StandardOutput, "\"erasureRecord\": \"([^\"]+)\"").Groups[1].Value;
        Assert.True(File.Exists(kept));
        Assert.Contains(await Toolkit.Tenants.Backup.BackupArchive.Sha256Async(kept, CancellationToken.None), File.ReadAllText(record));
        Assert.Contains("GDPR Art. 17", File.ReadAllText(record));
        Assert.DoesNotContain(a, platform.ConfigText());
        Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM pg_roles WHERE rolname = 'tenant_{a.Replace('-', '_')}'"));
        Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_{a.Replace('-', '_')}'"));
        Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM pg_database WHERE datname = 'tenant_{a.Replace('-', '_')}'"));
        if (level == IsolationLevel.Rls) Assert.Equal(0, await platform.CountAsync($"SELECT count(*) FROM app.organizations WHERE tenant_id = '{a}'"));
        Assert.Equal(7, (await ReadAsync(connB)).Count);

        var restore = await platform.CliAsync("tenants", "restore", a, "--from", kept, "--json");
        output.WriteLine(restore.StandardOutput + restore.StandardError);
        Assert.True(restore.ExitCode == 0, restore.StandardError);
        Assert.Equal(checksums, Regex.Matches(restore.StandardOutput, "\"checksum\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList());
        Assert.Contains("\"addedToConfig\": true", restore.StandardOutput);
        Assert.Equal(before, await ReadAsync(await ConnectionAsync(platform, a)));
        Assert.Equal(7, (await ReadAsync(connB)).Count);

        var again = await platform.CliAsync("tenants", "restore", a, "--from", platform.Path("a.tar"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("toolkit.yaml:", again.StandardError);
        Assert.Contains("live rows", again.StandardError);
        var replaced = await platform.CliAsync("tenants", "restore", a, "--from", platform.Path("a.tar"), "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.StandardError);
        Assert.Equal(before, await ReadAsync(await ConnectionAsync(platform, a)));
    }

    internal static async Task<string> ConnectionAsync(TestPlatform platform, string slug)
    {
        var shown = await platform.CliAsync("tenants", "connection", slug, "--show-secrets");
        Assert.True(shown.ExitCode == 0, shown.StandardError);
        return new NpgsqlConnectionStringBuilder(shown.StandardOutput.Trim()) { Pooling = false }.ConnectionString;
    }

    internal static async Task ExecAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The tenant's organizations and users as its own connection sees them, sorted.</summary>
    internal static async Task<List<string>> ReadAsync(string connection)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id::text || name || slug || tenant_id || created_at::text FROM organizations UNION ALL SELECT id::text || email || tenant_id FROM users ORDER BY 1", c);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
