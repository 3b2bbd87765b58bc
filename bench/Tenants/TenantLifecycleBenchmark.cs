using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Toolkit.Bench.Database;
using Toolkit.Core.Processes;
using Toolkit.Database.Backups;
using Toolkit.Database.Baseline;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Backup;
using Toolkit.Tenants.Moving;
using Toolkit.Tenants.Onboarding;
using Toolkit.Tenants.Platform;

namespace Toolkit.Bench.Tenants;

/// <summary>
/// The tenant lifecycle on a local PostgreSQL, each against a baseline in the same run:
/// onboarding one tenant into a platform of N schema-per-tenant tenants (the whole workflow, in process)
/// against psql running the SQL it boils down to (role, schema, the baseline scripts); and for a tenant
/// of R rows, <c>tenants backup</c> against <c>pg_dump -Fc</c> of its schema, <c>tenants restore</c> against
/// <c>pg_restore</c> into an empty database, and <c>tenants move</c> (schema to its own database) against
/// <c>pg_dump | pg_restore</c> of the schema into a new database.
/// Usage: <c>tenants [--tenants 1000] [--rows 1000000]</c>.
/// </summary>
public sealed class TenantLifecycleBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "tenants";

    /// <inheritdoc />
    public string Description => "onboard one tenant into N schema tenants vs psql; backup, restore, move of a 1M-row tenant vs pg_dump/pg_restore (ratios).";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var tenants = Arg(args, "--tenants", 1000);
        var rows = Arg(args, "--rows", 1_000_000);
        await using var server = await LocalPostgres.StartAsync();
        var admin = server.ConnectionString("platform");
        await ExecAsync(server.ConnectionString("postgres"), "CREATE DATABASE platform");
        var dir = Directory.CreateTempSubdirectory("toolkit-bench-tenants-");
        try
        {
            Console.WriteLine($"tenants: {tenants}, rows: {rows}, cores: {Environment.ProcessorCount}, load: {Load()}");
            var configPath = Path.Combine(dir.FullName, "toolkit.yaml");
            var config = Platform(tenants);
            await File.WriteAllTextAsync(configPath, ConfigWriter.Write(config));
            var setup = Stopwatch.StartNew();
            await new TenantProvisioner(admin).ProvisionAsync(config);
            Console.WriteLine($"setup: {tenants} tenants provisioned in {setup.Elapsed.TotalSeconds:F1} s");

            var platform = TenantPlatform.Open(configPath, admin);
            var steps = new List<string>();
            var watch = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            var outcome = await new OnboardingRunner(platform, progress: e =>
            {
                if (e.Event != "done" && e.Event != "warning") return;
                steps.Add($"{e.Step} {(watch.Elapsed - last).TotalMilliseconds:F0} ms");
                last = watch.Elapsed;
            }).RunAsync(new OnboardingRequest("newcomer", "Newcomer Ltd"));
            var onboard = watch.Elapsed.TotalSeconds;
            var psql = await PsqlProvisionAsync(server, "platform", "tenant_psql_newcomer");
            Console.WriteLine($"onboard 1 tenant into {tenants}: toolkit {onboard:F2} s ({string.Join(", ", steps)}); psql role+schema+baseline {psql:F2} s; ratio {onboard / psql:F2}x");

            await ExecAsync(admin, $"INSERT INTO tenant_newcomer.organizations (tenant_id, name, slug, settings) SELECT 'newcomer', 'Organisation ' || i, 'org-' || i, jsonb_build_object('seats', i % 50, 'region', 'eu') FROM generate_series(1, {rows}) i");
            await ExecAsync(admin, "VACUUM ANALYZE tenant_newcomer.organizations");
            var tar = Path.Combine(dir.FullName, "newcomer.tar");
            var dump = Path.Combine(dir.FullName, "newcomer.dump");
            var backup = await Time(() => new TenantBackup(platform).RunAsync("newcomer", tar));
            var pgDump = await Time(() => Tool(server, "pg_dump", "-Fc", "-d", "platform", "-n", "tenant_newcomer", "-f", dump));
            var pgDump0 = await Time(() => Tool(server, "pg_dump", "-Fc", "-Z0", "-d", "platform", "-n", "tenant_newcomer", "-f", dump + "0"));
            Console.WriteLine($"backup {rows} rows: toolkit {backup:F2} s ({new FileInfo(tar).Length / 1e6:F0} MB); pg_dump -Fc {pgDump:F2} s ({new FileInfo(dump).Length / 1e6:F0} MB), -Z0 {pgDump0:F2} s; ratio {backup / pgDump:F2}x (vs -Z0 {backup / pgDump0:F2}x)");

            var restore = await Time(() => new TenantRestore(platform).RunAsync("newcomer", tar, replace: true));
            await ExecAsync(server.ConnectionString("postgres"), "CREATE DATABASE restored");
            var pgRestore = await Time(() => Tool(server, "pg_restore", "-d", "restored", dump));
            Console.WriteLine($"restore {rows} rows (verified): toolkit {restore:F2} s; pg_restore into an empty database {pgRestore:F2} s; ratio {restore / pgRestore:F2}x");

            var move = await Time(() => new TenantMove(platform).RunAsync("newcomer", IsolationLevel.DbPerTenant));
            await ExecAsync(server.ConnectionString("postgres"), "CREATE DATABASE moved");
            var pipe = await Time(async () =>
            {
                await Tool(server, "pg_dump", "-Fc", "-d", "restored", "-n", "tenant_newcomer", "-f", dump + "2");
                await Tool(server, "pg_restore", "-d", "moved", dump + "2");
            });
            Console.WriteLine($"move {rows} rows schema -> own database (verified): toolkit {move:F2} s; pg_dump + pg_restore {pipe:F2} s; ratio {move / pipe:F2}x");
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static ToolkitConfig Platform(int tenants) => new()
    {
        Version = "1",
        Project = new ProjectMetadata("Bench", "bench", "tenant lifecycle benchmark"),
        Technologies = new TechnologyChoices(new Dictionary<string, string> { ["compute"] = "aws-ecs", ["edge"] = "cloudflare", ["database"] = "aws-aurora", ["storage"] = "s3" }),
        Architecture = new ArchitectureConfig(TenancyModel.MultiTenant, IsolationLevel.SchemaPerTenant),
        Deployment = new DeploymentConfig { Pattern = DeploymentPattern.SingleRegion, Regions = ["us-east-1"], Domain = "example.com" },
        Compliance = new ComplianceConfig(),
        Tenants = Enumerable.Range(1, tenants).Select(i => new TenantConfig { Id = $"t{i:00000}", Name = $"Tenant {i}", Slug = $"t{i:00000}", Subdomain = $"t{i:00000}" }).ToList(),
        Stacks = [new StackConfig { Name = "dev", Instances = 1, DeletionProtection = false }],
    };

    /// <summary>The SQL onboarding boils down to, in one psql session: a role, a schema, the baseline scripts.</summary>
    private static async Task<double> PsqlProvisionAsync(LocalPostgres server, string database, string name)
    {
        var file = Path.GetTempFileName();
        var sql = $"CREATE ROLE {name} LOGIN PASSWORD 'x';\nCREATE SCHEMA {name};\nGRANT USAGE ON SCHEMA {name} TO {name};\nSET search_path = {name};\n" +
                  string.Concat(BaselineScripts.For("postgresql").GetScripts().Select(s => s.Up + "\n")) +
                  $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {name} TO {name};\n";
        await File.WriteAllTextAsync(file, sql);
        try { return await Time(() => Tool(server, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", file)); }
        finally { File.Delete(file); }
    }

    private static async Task Tool(LocalPostgres server, string tool, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For(PgTools.Find(tool))
            .WithArguments(["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", .. args]).WithTimeout(TimeSpan.FromMinutes(30)));
        if (!result.Succeeded) throw new InvalidOperationException($"{tool} failed: {result.StandardError}");
    }

    private static async Task<double> Time(Func<Task> body)
    {
        var watch = Stopwatch.StartNew();
        await body();
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
