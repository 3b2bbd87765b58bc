using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Toolkit.Core.Processes;
using Toolkit.Database.Backups;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;

namespace Toolkit.Bench.Database;

/// <summary>
/// 10 scripts across N tenant schemas on a local PostgreSQL: <c>toolkit</c>'s fan-out (DbUp underneath, one shared
/// journal, a transaction per script, grants and state rows batched) against <c>psql</c> applying the same SQL in one
/// session, and against DbUp looped over the tenant schemas as a DbUp user writes it today (a connection string with
/// the tenant's search path, a <c>schemaversions</c> journal per schema); then a no-op rerun over the same tenants.
/// Usage: <c>db-fanout [--tenants 1000] [--parallel 4] [--noop-only] [--no-dbup] [--dbup-sample N] [--pg-stats]</c>:
/// <c>--dbup-sample N</c> times DbUp on the first N tenants only and scales its time to all of them (at 10,000 tenants
/// DbUp looped takes hours); <c>--pg-stats</c> loads <c>pg_stat_statements</c> and prints each side's costliest statements.
/// </summary>
public sealed class FanOutBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "db-fanout";

    /// <inheritdoc />
    public string Description => "10 scripts over N tenant schemas: toolkit fan-out vs psql in one session (ratio), and a no-op rerun.";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var tenants = Arg(args, "--tenants", 1000);
        var parallel = Arg(args, "--parallel", 4);
        var noopOnly = args.Contains("--noop-only");
        var withDbUp = !noopOnly && !args.Contains("--no-dbup");
        var dbupSample = Math.Min(tenants, Arg(args, "--dbup-sample", tenants));
        var pgStats = args.Contains("--pg-stats");
        var scripts = Enumerable.Range(1, 10).Select(i => new DatabaseScript($"{i:0000}_items_{i:00}.sql",
            $"CREATE TABLE items_{i:00} (id bigint PRIMARY KEY, tenant_id text NOT NULL DEFAULT 'bench', body text, created_at timestamptz NOT NULL DEFAULT now());\n",
            $"DROP TABLE items_{i:00};\n")).ToList();
        await using var server = await LocalPostgres.StartAsync(pgStats);
        if (pgStats) await ExecAsync(server.ConnectionString("postgres"), "CREATE EXTENSION pg_stat_statements");
        Console.WriteLine($"tenants: {tenants}, scripts: {scripts.Count}, parallel: {parallel}, cores: {Environment.ProcessorCount}, load average: {Load()}");

        var setup = Stopwatch.StartNew();
        await ExecAsync(server.ConnectionString("postgres"), $"DO $$ BEGIN FOR i IN 1..{tenants} LOOP EXECUTE format('CREATE ROLE tenant_b%s NOLOGIN', lpad(i::text, 6, '0')); END LOOP; END $$");
        var toolkitDb = await CreateTenantsDatabaseAsync(server, "bench_toolkit", tenants, registry: true);
        string? psqlDb = noopOnly ? null : await CreateTenantsDatabaseAsync(server, "bench_psql", tenants, registry: false);
        string? dbupDb = withDbUp ? await CreateTenantsDatabaseAsync(server, "bench_dbup", tenants, registry: false) : null;
        Console.WriteLine($"setup: {setup.Elapsed.TotalSeconds:F1} s");

        double? psqlSeconds = null;
        if (psqlDb is not null)
        {
            var file = Path.Combine(Path.GetTempPath(), $"toolkit-bench-{Guid.NewGuid():N}.sql");
            var sql = new StringBuilder();
            for (var i = 1; i <= tenants; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"SET search_path = tenant_b{i:000000};\n");
                foreach (var s in scripts) sql.Append(s.Up);
            }
            await File.WriteAllTextAsync(file, sql.ToString());
            await ResetStatsAsync(server, pgStats);
            var psqlServer = server.ServerCpuSeconds();
            var psql = Stopwatch.StartNew();
            var result = await ProcessRunner.RunAsync(ProcessSpec.For(PgTools.Find("psql"))
                .WithArguments("-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "bench_psql", "-f", file));
            psqlSeconds = psql.Elapsed.TotalSeconds;
            await Task.Delay(1000); // let the session's backend exit and be reaped, so its CPU is counted
            File.Delete(file);
            if (!result.Succeeded) { Console.Error.WriteLine(result.StandardError); return 1; }
            Console.WriteLine($"psql, one session:          {psqlSeconds:F2} s (server CPU {server.ServerCpuSeconds() - psqlServer:F1} s)");
            await PrintStatsAsync(server, pgStats, "bench_psql");
        }

        double? dbupSeconds = null;
        if (dbupDb is not null)
        {
            var dbupScripts = scripts.Select(s => new global::DbUp.Engine.SqlScript(s.Name, s.Up)).ToList();
            var (dbupServer, dbupClient) = (server.ServerCpuSeconds(), Environment.CpuUsage.TotalTime);
            var dbup = Stopwatch.StartNew();
            for (var i = 1; i <= dbupSample; i++)
            {
                var schema = $"tenant_b{i:000000}";
                // One connection string per tenant (its search path), so no pool is shared: a new connection each, as a loop of DbUp runs gets.
                var cs = new NpgsqlConnectionStringBuilder(dbupDb) { SearchPath = schema, Pooling = false }.ConnectionString;
                var result = global::DbUp.DeployChanges.To.PostgresqlDatabase(cs, schema).WithScripts(dbupScripts)
                    .JournalToPostgresqlTable(schema, "schemaversions").WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
                if (!result.Successful) { Console.Error.WriteLine($"DbUp failed on {schema}: {result.Error}"); return 1; }
            }
            dbupSeconds = dbup.Elapsed.TotalSeconds * tenants / dbupSample;
            var sampled = dbupSample == tenants ? "" : $" (measured on the first {dbupSample} tenants: {dbup.Elapsed.TotalSeconds:F2} s, scaled by {tenants}/{dbupSample})";
            Console.WriteLine($"DbUp looped over schemas:   {dbupSeconds:F2} s{sampled} (server CPU {server.ServerCpuSeconds() - dbupServer:F1} s, client CPU {(Environment.CpuUsage.TotalTime - dbupClient).TotalSeconds:F1} s)");
        }

        var provider = new InMemoryScriptProvider(scripts);
        var fanOut = new TenantFanOut(toolkitDb, provider);
        if (noopOnly)
        {
            // Mark every tenant as up to date without applying (the no-op path reads only the registry).
            await ExecAsync(toolkitDb, $"INSERT INTO toolkit.tenant_state (tenant_id, fingerprint) SELECT id, '{TenantFanOut.Fingerprint(scripts)}' FROM toolkit.tenants");
        }
        else
        {
            await ResetStatsAsync(server, pgStats);
            var (runServer, runClient) = (server.ServerCpuSeconds(), Environment.CpuUsage.TotalTime);
            var run = Stopwatch.StartNew();
            var summary = await fanOut.RunAsync(new FanOutOptions { Parallel = parallel });
            var seconds = run.Elapsed.TotalSeconds;
            Console.WriteLine($"toolkit server CPU {server.ServerCpuSeconds() - runServer:F1} s, client CPU {(Environment.CpuUsage.TotalTime - runClient).TotalSeconds:F1} s");
            Console.WriteLine("toolkit phases (wall): " + Phases(summary));
            await PrintStatsAsync(server, pgStats, "bench_toolkit");
            if (summary.Count(TenantRunState.Applied) != tenants) { Console.Error.WriteLine($"expected {tenants} applied, got {summary.Count(TenantRunState.Applied)}"); return 1; }
            Console.WriteLine($"toolkit fan-out (--parallel {parallel}): {seconds:F2} s");
            Console.WriteLine($"ratio toolkit / psql:        {seconds / psqlSeconds!.Value:F2}x (target <= 1.0x)");
            if (dbupSeconds is { } d) Console.WriteLine($"ratio toolkit / DbUp looped: {seconds / d:F2}x; DbUp looped / psql: {d / psqlSeconds.Value:F2}x");
        }
        var (noopServer, noopClient) = (server.ServerCpuSeconds(), Environment.CpuUsage.TotalTime);
        var noop = Stopwatch.StartNew();
        var again = await fanOut.RunAsync(new FanOutOptions { Parallel = parallel });
        var noopSeconds = noop.Elapsed.TotalSeconds;
        Console.WriteLine($"no-op phases (wall): {Phases(again)}; server CPU {server.ServerCpuSeconds() - noopServer:F2} s, client CPU {(Environment.CpuUsage.TotalTime - noopClient).TotalSeconds:F2} s");
        if (again.Count(TenantRunState.Skipped) != tenants) { Console.Error.WriteLine("the no-op run did not skip every tenant"); return 1; }
        if (noopOnly)
        {
            // The first no-op records a 'skipped' row for each tenant that never had a fan-out (setup wrote none); from
            // then on a no-op writes nothing: the second is the steady state.
            Console.WriteLine($"first no-op over {tenants} tenants (records a first 'skipped' row for each): {noopSeconds:F2} s");
            (noopServer, noopClient) = (server.ServerCpuSeconds(), Environment.CpuUsage.TotalTime);
            noop.Restart();
            again = await fanOut.RunAsync(new FanOutOptions { Parallel = parallel });
            noopSeconds = noop.Elapsed.TotalSeconds;
            if (again.Count(TenantRunState.Skipped) != tenants) { Console.Error.WriteLine("the second no-op run did not skip every tenant"); return 1; }
            Console.WriteLine($"second no-op phases (wall): {Phases(again)}; server CPU {server.ServerCpuSeconds() - noopServer:F2} s, client CPU {(Environment.CpuUsage.TotalTime - noopClient).TotalSeconds:F2} s");
        }
        Console.WriteLine($"load average at the end: {Load()}");
        Console.WriteLine($"no-op rerun over {tenants} tenants: {noopSeconds:F2} s (target < 1 s)");
        return 0;
    }

    // N empty tenant schemas, each as provisioning leaves it (schema/tenant_add.sql: the tenant's role may use it, and
    // tables created in it later are the tenant's to use through default privileges), identical for every side.
    private static async Task<string> CreateTenantsDatabaseAsync(LocalPostgres server, string name, int tenants, bool registry)
    {
        await ExecAsync(server.ConnectionString("postgres"), $"CREATE DATABASE {name}");
        var cs = server.ConnectionString(name);
        for (var from = 1; from <= tenants; from += 1000)
        {
            var to = Math.Min(tenants, from + 999);
            await ExecAsync(cs, $"""
                DO $$ BEGIN FOR i IN {from}..{to} LOOP
                    EXECUTE format('CREATE SCHEMA tenant_b%s', lpad(i::text, 6, '0'));
                    EXECUTE format('GRANT USAGE ON SCHEMA tenant_b%1$s TO tenant_b%1$s', lpad(i::text, 6, '0'));
                    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA tenant_b%1$s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tenant_b%1$s', lpad(i::text, 6, '0'));
                END LOOP; END $$
                """);
        }
        if (registry)
        {
            await new TenantRegistry(cs).EnsureAsync(CancellationToken.None);
            await ExecAsync(cs, $"""
                INSERT INTO toolkit.tenants (id, slug, isolation, role_name, schema_name, database_name)
                SELECT 'b' || lpad(i::text, 6, '0'), 'b' || lpad(i::text, 6, '0'), 'schema-per-tenant',
                       'tenant_b' || lpad(i::text, 6, '0'), 'tenant_b' || lpad(i::text, 6, '0'), 'tenant_b' || lpad(i::text, 6, '0')
                FROM generate_series(1, {tenants}) i
                """);
        }
        return cs;
    }

    private static string Phases(FanOutSummary summary) =>
        string.Join(", ", summary.Phases.Select(p => $"{p.Name} {p.Elapsed.TotalSeconds:F2} s"));

    private static async Task ResetStatsAsync(LocalPostgres server, bool pgStats)
    {
        if (pgStats) await ExecAsync(server.ConnectionString("postgres"), "SELECT pg_stat_statements_reset()");
    }

    // The side's costliest statements (execution plus planning), as pg_stat_statements normalizes them.
    private static async Task PrintStatsAsync(LocalPostgres server, bool pgStats, string database)
    {
        if (!pgStats) return;
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT calls, round((total_exec_time + total_plan_time)::numeric, 0), left(regexp_replace(query, '\s+', ' ', 'g'), 110)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = @db)
            ORDER BY total_exec_time + total_plan_time DESC LIMIT 10
            """, connection);
        command.Parameters.AddWithValue("db", database);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine($"  pg_stat_statements, {database}: calls, ms, statement");
        while (await reader.ReadAsync()) Console.WriteLine($"    {reader.GetInt64(0),8} {reader.GetDecimal(1),9} {reader.GetString(2)}");
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    // The machine is shared: the figures are read against the load they ran under.
    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
