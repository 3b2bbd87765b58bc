using System.Diagnostics;
using Toolkit.Migrations.Tests.Support;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests;

/// <summary>The Neon to Supabase swap with its data copy, whole or SIGKILLed half way, then rolled back: files and both databases as before.</summary>
public class DatabaseRoundTripSpecs(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Fingerprint = """
        SELECT coalesce(string_agg(table_schema || '.' || table_name || ':' || column_name || ':' || data_type, ',' ORDER BY table_schema, table_name, column_name), '')
          FROM (SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
                 WHERE table_schema NOT IN ('pg_catalog', 'information_schema')) c
        """;

    [Fact(Timeout = 240_000)]
    public async Task I_can_copy_the_data_with_the_database_swap_and_roll_back_to_the_original_schema_and_data()
    {
        var neon = await server.CreateDatabaseAsync("neon_rt");
        var supabase = await server.CreateDatabaseAsync("supabase_rt");
        await server.ScalarAsync("""
            CREATE TABLE organizations (id serial PRIMARY KEY, name text NOT NULL);
            CREATE SCHEMA audit;
            CREATE TABLE audit.events (id bigserial PRIMARY KEY, org int REFERENCES organizations(id), what text);
            INSERT INTO organizations (name) SELECT 'org ' || i FROM generate_series(1, 40) i;
            INSERT INTO audit.events (org, what) SELECT i % 40 + 1, 'event ' || i FROM generate_series(1, 300) i;
            """, "neon_rt");
        var neonBefore = (await server.ScalarAsync(Fingerprint, "neon_rt"), await server.ScalarAsync("SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) FROM audit.events e", "neon_rt"));
        var supabaseBefore = await server.ScalarAsync(Fingerprint, "supabase_rt");
        var environment = new Dictionary<string, string?> { ["NEON_URL"] = neon, ["SUPA_URL"] = supabase };

        using var repo = await SaasAppRepository.CreateAsync();
        var app = SaasAppRepository.App(repo);
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "database:neon=supabase", "--path", app, "--out", planFile);

            var applied = await ToolkitCli.RunAsync(null, environment, "migrate", "apply", planFile, "--no-validate",
                "--source-database-env", "NEON_URL", "--target-database-env", "SUPA_URL");
            Assert.True(applied.ExitCode == 0, applied.StandardOutput + applied.StandardError);
            Assert.Contains("copied and verified 2 table(s)", applied.StandardOutput);
            Assert.Equal(300L, await server.ScalarAsync("SELECT count(*) FROM audit.events", "supabase_rt"));
            Assert.DoesNotContain(PostgresServer.SuperuserPassword, applied.StandardOutput + applied.StandardError);

            var rolledBack = await ToolkitCli.RunAsync(null, environment, "migrate", "rollback", planFile, "--target-database-env", "SUPA_URL");
            Assert.True(rolledBack.ExitCode == 0, rolledBack.StandardOutput + rolledBack.StandardError);
            Assert.Contains("restore-database: dropped what the data copy created in the target database [verified]", rolledBack.StandardOutput);

            Assert.Equal(before, repo.Snapshot());
            Assert.Equal(gitBefore, await repo.GitStateAsync());
            Assert.Equal(supabaseBefore, await server.ScalarAsync(Fingerprint, "supabase_rt"));
            Assert.Equal(neonBefore, (await server.ScalarAsync(Fingerprint, "neon_rt"), await server.ScalarAsync("SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) FROM audit.events e", "neon_rt")));
        }
        finally { File.Delete(planFile); }
    }

    [Fact(Timeout = 300_000)]
    public async Task I_can_roll_back_a_data_copy_killed_while_pg_restore_was_writing()
    {
        var neon = await server.CreateDatabaseAsync("neon_kill");
        var supabase = await server.CreateDatabaseAsync("supabase_kill");
        // Big enough that the copy is still running when the apply is killed.
        await server.ScalarAsync("""
            CREATE TABLE events (id bigint PRIMARY KEY, payload text NOT NULL);
            INSERT INTO events SELECT i, repeat(md5(i::text), 4) FROM generate_series(1, 1500000) i;
            """, "neon_kill");
        var supabaseBefore = await server.ScalarAsync(Fingerprint, "supabase_kill");
        const string Restoring = "SELECT count(*) FROM pg_stat_activity WHERE datname = 'supabase_kill' AND application_name = 'pg_restore'";
        var environment = new Dictionary<string, string?> { ["NEON_URL"] = neon, ["SUPA_URL"] = supabase };

        using var repo = await SaasAppRepository.CreateAsync();
        var before = repo.Snapshot();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "database:neon=supabase", "--path", SaasAppRepository.App(repo), "--out", planFile);
            var apply = ToolkitCli.RunAsync(null, environment, "migrate", "apply", planFile, "--no-validate",
                "--source-database-env", "NEON_URL", "--target-database-env", "SUPA_URL");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while ((long)(await server.ScalarAsync(Restoring, "postgres"))! == 0 && !apply.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.False(apply.IsCompleted, "the copy finished before it could be killed: " + (apply.IsCompleted ? (await apply).StandardOutput : ""));

            // SIGKILL the toolkit alone, as an OOM killer or a closed CI runner would. The dump streams through the
            // toolkit (ProcessRunner.PipeAsync, no shell), so pg_restore sees its input end and may or may not still be
            // in the database when the rollback starts; either way the rollback must end it and empty the target.
            var toolkit = Process.GetProcesses().Single(p => CommandLine(p.Id).Contains(planFile, StringComparison.Ordinal) && CommandLine(p.Id).Contains("apply", StringComparison.Ordinal));
            toolkit.Kill();
            Assert.Equal(137, (await apply).ExitCode);

            var rolledBack = await ToolkitCli.RunAsync(null, environment, "migrate", "rollback", planFile, "--target-database-env", "SUPA_URL");
            Assert.True(rolledBack.ExitCode == 0, rolledBack.StandardOutput + rolledBack.StandardError);

            Assert.Equal(0L, await server.ScalarAsync(Restoring, "postgres"));
            Assert.Equal(before, repo.Snapshot());
            Assert.Equal(supabaseBefore, await server.ScalarAsync(Fingerprint, "supabase_kill"));
        }
        finally { File.Delete(planFile); }
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
