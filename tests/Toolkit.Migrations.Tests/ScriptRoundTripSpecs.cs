using System.Diagnostics;
using System.Text.Json;
using Toolkit.Migrations.Tests.Support;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests;

/// <summary>
/// The AI swap's database script (model ids kept per tenant, mapped to Claude ids) applied through the CLI
/// against a real PostgreSQL, then rolled back, whole or after a SIGKILL: files, schema and data as before.
/// </summary>
public class ScriptRoundTripSpecs(PostgresServer server) : IClassFixture<PostgresServer>
{
    // Every column of every user table (so a leftover journal or backup table shows), then the rows.
    private const string Schema = """
        SELECT coalesce(string_agg(table_schema || '.' || table_name || ':' || column_name || ':' || data_type, ',' ORDER BY table_schema, table_name, column_name), '')
          FROM (SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
                 WHERE table_schema NOT IN ('pg_catalog', 'information_schema')) c
        """;

    private const string Data = "SELECT md5(string_agg(s::text, ',' ORDER BY s.tenant_id)) FROM tenant_settings s";

    private async Task<(string Connection, object? Schema, object? Data)> TenantDatabaseAsync(string name)
    {
        var connection = await server.CreateDatabaseAsync(name);
        await server.ScalarAsync("""
            CREATE TABLE tenant_settings (tenant_id int PRIMARY KEY, ai_model text NOT NULL, updated_at timestamptz NOT NULL DEFAULT '2026-01-01T00:00:00Z');
            INSERT INTO tenant_settings (tenant_id, ai_model)
            SELECT i, (ARRAY['gpt-4o-mini', 'gpt-4.1-mini', 'gpt-4o', 'o3', 'our-fine-tune'])[i % 5 + 1] FROM generate_series(1, 50) i;
            """, name);
        return (connection, await server.ScalarAsync(Schema, name), await server.ScalarAsync(Data, name));
    }

    private static async Task<string> PlanAsync(TempRepository repo)
    {
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        await ToolkitRun.OkAsync("migrate", "plan", "--swap", "ai:openai=anthropic", "--option", "anthropic.modelColumns=tenant_settings.ai_model",
            "--path", SaasAppRepository.App(repo), "--out", planFile);
        return planFile;
    }

    [Fact(Timeout = 300_000)]
    public async Task I_can_map_stored_model_ids_with_the_ai_swap_and_roll_back_to_the_original_schema_and_data()
    {
        var (connection, schemaBefore, dataBefore) = await TenantDatabaseAsync("ai_models_rt");
        var environment = new Dictionary<string, string?> { ["APP_DB"] = connection };
        using var repo = await SaasAppRepository.CreateAsync();
        var before = repo.Snapshot();
        var planFile = await PlanAsync(repo);
        try
        {
            using (var plan = JsonDocument.Parse(await File.ReadAllTextAsync(planFile)))
            {
                var script = Assert.Single(plan.RootElement.GetProperty("databaseMigrations").EnumerateArray());
                Assert.Equal("ai:openai=anthropic/0001_anthropic_model_ids.sql", script.GetProperty("id").GetString());
                Assert.True(script.GetProperty("dataMigrationRequired").GetBoolean());
            }

            var refused = await ToolkitCli.RunAsync(null, environment, "migrate", "apply", planFile, "--no-validate");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("MIG045", refused.StandardError);
            Assert.Equal(before, repo.Snapshot());

            // A database that does not answer is found before anything changes, and its password is not printed.
            var unreachable = new Dictionary<string, string?> { ["APP_DB"] = "Host=127.0.0.1;Port=1;Database=none;Username=app;Password=do-not-print-me;Timeout=3" };
            var noDatabase = await ToolkitCli.RunAsync(null, unreachable, "migrate", "apply", planFile, "--no-validate", "--database-env", "APP_DB");
            Assert.Equal(1, noDatabase.ExitCode);
            Assert.Contains("MIG049", noDatabase.StandardError);
            Assert.DoesNotContain("do-not-print-me", noDatabase.StandardOutput + noDatabase.StandardError);
            Assert.Equal(before, repo.Snapshot());
            Assert.Equal("", (await repo.GitAsync("for-each-ref", "refs/toolkit")).Trim());

            var applied = await ToolkitCli.RunAsync(null, environment, "migrate", "apply", planFile, "--no-validate", "--database-env", "APP_DB");
            Assert.True(applied.ExitCode == 0, applied.StandardOutput + applied.StandardError);
            Assert.Contains("ran database script ai:openai=anthropic/0001_anthropic_model_ids.sql", applied.StandardOutput);
            // gpt-4o-mini and gpt-4.1-mini both become Haiku: only the kept old values can tell them apart again.
            Assert.Equal("claude-haiku-4-5:20,claude-opus-4-5:10,claude-sonnet-4-5:10,our-fine-tune:10", await server.ScalarAsync(
                "SELECT string_agg(ai_model || ':' || n, ',' ORDER BY ai_model) FROM (SELECT ai_model, count(*) n FROM tenant_settings GROUP BY 1) c", "ai_models_rt"));
            Assert.Equal(1L, await server.ScalarAsync("SELECT count(*) FROM toolkit_swap_journal WHERE direction = 'up'", "ai_models_rt"));

            var rolledBack = await ToolkitCli.RunAsync(null, environment, "migrate", "rollback", planFile, "--database-env", "APP_DB");
            Assert.True(rolledBack.ExitCode == 0, rolledBack.StandardOutput + rolledBack.StandardError);
            Assert.Contains("restore-database: ran 1 down script(s) [verified]", rolledBack.StandardOutput);

            Assert.Equal(before, repo.Snapshot());
            Assert.Equal(schemaBefore, await server.ScalarAsync(Schema, "ai_models_rt"));
            Assert.Equal(dataBefore, await server.ScalarAsync(Data, "ai_models_rt"));
        }
        finally { File.Delete(planFile); }
    }

    [Fact(Timeout = 300_000)]
    public async Task I_can_roll_back_an_apply_killed_after_its_database_script_ran()
    {
        var (connection, schemaBefore, dataBefore) = await TenantDatabaseAsync("ai_models_kill");
        using var repo = await SaasAppRepository.CreateAsync();
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();
        var planFile = await PlanAsync(repo);
        try
        {
            // Test hook: apply pauses after its first script and leaves its pid; then it is SIGKILLed.
            var apply = ToolkitCli.RunAsync(null, new Dictionary<string, string?> { ["APP_DB"] = connection, ["TOOLKIT_TEST_PAUSE_AFTER_SCRIPTS"] = "1" },
                "migrate", "apply", planFile, "--no-validate", "--database-env", "APP_DB");
            var pidFile = Path.Combine(repo.Path, ".git", "toolkit", "test-hook.pid");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!File.Exists(pidFile) && !apply.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(File.Exists(pidFile), apply.IsCompleted ? (await apply).StandardError : "apply never reached the hook");
            Process.GetProcessById(int.Parse(await File.ReadAllTextAsync(pidFile))).Kill(); // SIGKILL on Linux
            Assert.Equal(137, (await apply).ExitCode);
            File.Delete(pidFile);
            Assert.NotEqual(dataBefore, await server.ScalarAsync(Data, "ai_models_kill"));
            Assert.Contains("running-scripts", (await ToolkitRun.OkAsync("migrate", "status", "--path", SaasAppRepository.App(repo))).StandardOutput);

            // Without the database the rollback restores the files but says the database is not back.
            var partial = await ToolkitRun.RunAsync("migrate", "rollback", planFile);
            Assert.Equal(1, partial.ExitCode);
            Assert.Contains("down scripts not run [NOT VERIFIED]", partial.StandardOutput);

            var rolledBack = await ToolkitCli.RunAsync(null, new Dictionary<string, string?> { ["APP_DB"] = connection },
                "migrate", "rollback", planFile, "--database-env", "APP_DB");
            Assert.True(rolledBack.ExitCode == 0, rolledBack.StandardOutput + rolledBack.StandardError);

            Assert.Equal(before, repo.Snapshot());
            Assert.Equal(gitBefore, await repo.GitStateAsync());
            Assert.Equal(schemaBefore, await server.ScalarAsync(Schema, "ai_models_kill"));
            Assert.Equal(dataBefore, await server.ScalarAsync(Data, "ai_models_kill"));
        }
        finally { File.Delete(planFile); }
    }
}
