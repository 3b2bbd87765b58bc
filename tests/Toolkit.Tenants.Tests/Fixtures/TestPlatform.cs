using Npgsql;
using Toolkit.Core.Processes;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;

namespace Toolkit.Tenants.Tests.Fixtures;

/// <summary>
/// A platform for one spec: its own admin database on the shared server, a temp folder holding a commented
/// toolkit.yaml at one isolation level, and slugs unique to the spec (roles and databases are cluster-wide).
/// </summary>
public sealed class TestPlatform : IDisposable
{
    private readonly TempDirectory _dir = new("toolkit-tenants");

    private TestPlatform(PostgresServer server, string admin, IsolationLevel level)
    {
        Server = server;
        Admin = admin;
        Level = level;
        Run = "t" + Guid.NewGuid().ToString("N")[..6];
        ConfigPath = _dir.Write("toolkit.yaml", Yaml(level));
    }

    public PostgresServer Server { get; }

    public string Admin { get; }

    public IsolationLevel Level { get; }

    /// <summary>Prefix of this spec's slugs.</summary>
    public string Run { get; }

    public string ConfigPath { get; }

    public string Directory => _dir.Path;

    public static async Task<TestPlatform> CreateAsync(PostgresServer server, IsolationLevel level) =>
        new(server, await server.CreateDatabaseAsync("tn" + Guid.NewGuid().ToString("N")), level);

    public string Slug(string name) => $"{Run}-{name}";

    public string Path(string relative) => _dir.Combine(relative);

    /// <summary>Runs the real CLI with <c>--config</c> and <c>--connection</c> appended.</summary>
    public Task<ProcessResult> CliAsync(params string[] args) => CliAsync(null, args);

    public Task<ProcessResult> CliAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        ToolkitCli.RunAsync(_dir.Path, environment, [.. args, "--config", ConfigPath, "--connection", Admin]);

    public async Task<object?> ScalarAsync(string sql, string? connection = null)
    {
        await using var c = new NpgsqlConnection(connection ?? Admin);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<long> CountAsync(string sql, string? connection = null) => Convert.ToInt64(await ScalarAsync(sql, connection));

    public async Task<List<string>> RowsAsync(string sql, string? connection = null)
    {
        await using var c = new NpgsqlConnection(connection ?? Admin);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public string ConfigText() => File.ReadAllText(ConfigPath);

    public void Dispose() => _dir.Dispose();

    /// <summary>A commented config with one stack, in the style users write (comments and aligned values).</summary>
    public static string Yaml(IsolationLevel level) => $"""
        # Test platform for the tenant lifecycle. Comments like this one must survive every edit.
        version: 1
        project:
          name: Lifecycle Test
          slug: lifecycle-test
          description: tenants come and go

        technologies:
          compute: aws-ecs
          edge: cloudflare
          database: aws-aurora
          storage: s3

        architecture:
          tenancy: multi-tenant
          isolation: {Words.Of(level)}   # rls | schema-per-tenant | db-per-tenant

        deployment:
          pattern: single-region
          regions: [us-east-1]
          domain: example.com

        compliance:
          frameworks: [gdpr]

        # Tenants are added by `toolkit tenants onboard`.
        tenants: []   # none yet

        stacks:
          dev:
            instances: 1
            deletionProtection: false

        """;
}
