using System.Diagnostics;
using Toolkit.Migrations.Planning;
using Toolkit.Migrations.Tests.Support;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests;

/// <summary>A SIGKILL in the middle of apply leaves a state that rollback puts back exactly.</summary>
public class CrashSpecs
{
    [Fact(Timeout = 240_000)]
    public async Task I_can_roll_back_an_apply_that_was_killed_half_way()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var app = SaasAppRepository.App(repo);
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--swap", "database:neon=supabase", "--path", app, "--out", planFile);
            var plan = PlanJson.Read(planFile);
            Assert.True(plan.FileChanges.Count >= 2);

            // Test hook: apply pauses after writing 1 file and leaves its pid; then it is SIGKILLed.
            var apply = ToolkitCli.RunAsync(null, new Dictionary<string, string?> { ["TOOLKIT_TEST_PAUSE_AFTER_FILES"] = "1" }, "migrate", "apply", planFile);
            var pidFile = Path.Combine(repo.Path, ".git", "toolkit", "test-hook.pid");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!File.Exists(pidFile) && !apply.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(File.Exists(pidFile), apply.IsCompleted ? (await apply).StandardError : "apply never reached the hook");
            Process.GetProcessById(int.Parse(await File.ReadAllTextAsync(pidFile))).Kill(); // SIGKILL on Linux
            var killed = await apply;
            Assert.Equal(137, killed.ExitCode);
            File.Delete(pidFile);

            var changed = repo.Snapshot().Where(e => before.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key).ToList();
            Assert.Single(changed); // half applied: one file written, the others not
            Assert.Contains("writing-files", (await ToolkitRun.OkAsync("migrate", "status", "--path", app)).StandardOutput);
            var again = await ToolkitRun.RunAsync("migrate", "apply", planFile, "--allow-dirty");
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("MIG040", again.StandardError);

            await ToolkitRun.OkAsync("migrate", "rollback", planFile);
            Assert.Equal(before, repo.Snapshot());
            Assert.Equal(gitBefore, await repo.GitStateAsync());
            Assert.Contains("rolled-back", (await ToolkitRun.OkAsync("migrate", "status", "--path", app)).StandardOutput);
        }
        finally { File.Delete(planFile); }
    }
}
