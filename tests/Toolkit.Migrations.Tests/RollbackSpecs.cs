using System.Diagnostics;
using Toolkit.Migrations.Planning;
using Toolkit.Migrations.Tests.Support;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests;

/// <summary>
/// Rollback undoes what the plan changed and nothing else, on the example app in a real repository, through the
/// real CLI: work done after the apply is kept (added files, edits elsewhere, edits merged into changed files),
/// overlapping edits are refused with nothing changed until --force, and a SIGKILLed rollback run again ends the same.
/// </summary>
public class RollbackSpecs
{
    // storage:s3=r2 changes Services/DocumentStore.cs (around lines 18 and 28), appsettings.json and toolkit.yaml.
    private const string UserHeader = "// Reviewed by the storage team after the R2 move.\n";
    private const string UserProgramEdit = "\n// a health check the team added after the apply\n";

    [Fact(Timeout = 300_000)]
    public async Task I_keep_the_files_I_added_and_the_edits_I_made_after_the_apply_when_I_roll_back()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var applied = await ApplyAsync(repo, planInsideApp: true);

        MakeUserChanges(repo);
        var status = (await ToolkitRun.OkAsync("migrate", "status", "--path", applied.App)).StandardOutput;
        Assert.Contains("rollback would: 2 restore, 1 merge", status);
        Assert.Contains("merge     Services/DocumentStore.cs", status);
        Assert.DoesNotContain("Program.cs", status);

        var rolledBack = await ToolkitRun.OkAsync("migrate", "rollback", applied.PlanFile);
        Assert.Contains("restored 2 file(s)", rolledBack.StandardOutput);
        Assert.Contains("merged 1 file(s) you edited after the apply, keeping your edits (Services/DocumentStore.cs)", rolledBack.StandardOutput);
        Assert.DoesNotContain("deleted", rolledBack.StandardOutput);
        Assert.DoesNotContain("manual", rolledBack.StandardOutput); // nobody did the plan's manual step, so none is left to undo
        await AssertRolledBackKeepingUserChangesAsync(repo, applied);
    }

    [Fact(Timeout = 300_000)]
    public async Task An_edit_on_lines_the_plan_changed_is_refused_with_nothing_changed_then_force_overwrites_it_keeping_my_version()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var applied = await ApplyAsync(repo, planInsideApp: false);
        var settings = Path.Combine(applied.App, "appsettings.json");
        var mine = (await File.ReadAllTextAsync(settings)).Replace("\"AccountId\": \"0123456789abcdef0123456789abcdef\"", "\"AccountId\": \"fedcba9876543210fedcba9876543210\"");
        await File.WriteAllTextAsync(settings, mine);
        MakeUserChanges(repo);
        var beforeRollback = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();

        var status = (await ToolkitRun.OkAsync("migrate", "status", "--path", applied.App)).StandardOutput;
        Assert.Contains("conflict  appsettings.json", status);
        var refused = await ToolkitRun.RunAsync("migrate", "rollback", applied.PlanFile);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("MIG052", refused.StandardError);
        Assert.Contains("appsettings.json: edited after the apply on lines the plan changed; rollback changed nothing", refused.StandardError);
        Assert.Contains("--force", refused.StandardError);
        Assert.Equal(beforeRollback, repo.Snapshot()); // not even the mergeable file or toolkit.yaml
        Assert.Equal(gitBefore, await repo.GitStateAsync());
        Assert.Contains("applied", (await ToolkitRun.OkAsync("migrate", "status", "--path", applied.App)).StandardOutput);

        var forced = await ToolkitRun.OkAsync("migrate", "rollback", applied.PlanFile, "--force");
        var overwrittenRef = $"refs/toolkit/backups/{applied.Plan.Id}-overwritten";
        Assert.Contains($"overwrote 1 file(s) you edited after the apply (appsettings.json; your versions are at {overwrittenRef})", forced.StandardOutput);
        Assert.Equal(applied.Before["app/appsettings.json"], repo.Snapshot()["app/appsettings.json"]);
        Assert.Equal(mine, await repo.GitAsync("show", $"{overwrittenRef}:app/appsettings.json"));
        Assert.Contains("merged 1 file(s)", forced.StandardOutput);
        await AssertRolledBackKeepingUserChangesAsync(repo, applied, except: "app/appsettings.json");
    }

    [Theory(Timeout = 300_000)]
    [InlineData(0)] // after the decisions are journaled, before the first file
    [InlineData(1)] // after the merge was written
    [InlineData(2)] // after two of three files
    public async Task A_rollback_killed_at_any_step_and_run_again_ends_in_the_same_state(int filesBeforeKill)
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var applied = await ApplyAsync(repo, planInsideApp: false);
        MakeUserChanges(repo);

        var rollback = ToolkitCli.RunAsync(null, new Dictionary<string, string?> { ["TOOLKIT_TEST_PAUSE_AFTER_RESTORES"] = filesBeforeKill.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "migrate", "rollback", applied.PlanFile);
        var pidFile = Path.Combine(repo.Path, ".git", "toolkit", "test-hook.pid");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(pidFile) && !rollback.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(File.Exists(pidFile), rollback.IsCompleted ? (await rollback).StandardOutput + (await rollback).StandardError : "rollback never reached the hook");
        int pid;
        while (!int.TryParse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture, out pid)) await Task.Delay(50); // written, not yet flushed
        Process.GetProcessById(pid).Kill(); // SIGKILL
        Assert.Equal(137, (await rollback).ExitCode);
        File.Delete(pidFile);
        Assert.Contains("rolling-back", (await ToolkitRun.OkAsync("migrate", "status", "--path", applied.App)).StandardOutput);

        var again = await ToolkitRun.OkAsync("migrate", "rollback", applied.PlanFile);
        Assert.Contains("rolled back", again.StandardOutput);
        if (filesBeforeKill > 0) Assert.Contains($"{filesBeforeKill} file(s) already rolled back by an earlier run", again.StandardOutput);
        await AssertRolledBackKeepingUserChangesAsync(repo, applied);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".git", "toolkit", "tmp"))); // no temporary file left anywhere

        // Once more: nothing left to do, and nothing changes.
        var snapshot = repo.Snapshot();
        var third = (await ToolkitRun.OkAsync("migrate", "rollback", applied.PlanFile)).StandardOutput;
        Assert.Contains("restore-files: 3 file(s) already rolled back by an earlier run [verified]", third);
        Assert.Equal(snapshot, repo.Snapshot());
    }

    private sealed record Applied(string App, string PlanFile, MigrationPlan Plan, IReadOnlyDictionary<string, string> Before, string GitBefore);

    private static async Task<Applied> ApplyAsync(TempRepository repo, bool planInsideApp)
    {
        var app = SaasAppRepository.App(repo);
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();
        // A plan written inside the app does not make the tree dirty for its own apply (no --allow-dirty here).
        var planFile = planInsideApp ? Path.Combine(app, "storage.plan.json") : repo.Directory.Combine("storage.plan.json");
        await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--path", app, "--out", planFile, "--option", "r2.accountId=0123456789abcdef0123456789abcdef");
        var plan = PlanJson.Read(planFile);
        Assert.Equal(["Services/DocumentStore.cs", "appsettings.json", "toolkit.yaml"], plan.FileChanges.Select(c => c.Path));
        await ToolkitRun.OkAsync("migrate", "apply", planFile, "--no-validate");
        var planKey = Path.GetRelativePath(repo.Path, planFile);
        before = before.Append(new KeyValuePair<string, string>(planKey, repo.Snapshot()[planKey])).ToDictionary();
        return new Applied(app, planFile, plan, before, gitBefore);
    }

    private static void MakeUserChanges(TempRepository repo)
    {
        repo.Write("NOTES.md", "written after the apply\n");
        repo.Write("app/Docs/r2.md", "how we use R2\n");
        File.AppendAllText(Path.Combine(repo.Path, "app", "Program.cs"), UserProgramEdit);
        var store = Path.Combine(repo.Path, "app", "Services", "DocumentStore.cs");
        File.WriteAllText(store, UserHeader + File.ReadAllText(store));
    }

    private static async Task AssertRolledBackKeepingUserChangesAsync(TempRepository repo, Applied applied, string? except = null)
    {
        var after = repo.Snapshot();
        string[] userFiles = ["NOTES.md", "app/Docs/r2.md", "app/Program.cs", "app/Services/DocumentStore.cs"];
        Assert.Equal(applied.Before.Keys.Concat(["NOTES.md", "app/Docs/r2.md"]).Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, hash) in applied.Before.Where(e => !userFiles.Contains(e.Key) && e.Key != except)) Assert.True(hash == after[path], $"{path} is not as before the apply");
        Assert.Equal("written after the apply\n", await File.ReadAllTextAsync(Path.Combine(repo.Path, "NOTES.md")));
        Assert.Equal("how we use R2\n", await File.ReadAllTextAsync(Path.Combine(repo.Path, "app/Docs/r2.md")));
        var original = Path.Combine(SaasAppRepository.Source, "Program.cs");
        Assert.Equal(await File.ReadAllTextAsync(original) + UserProgramEdit, await File.ReadAllTextAsync(Path.Combine(repo.Path, "app/Program.cs")));
        // The merge: the plan's change undone (the file as before the apply), the header added after the apply kept.
        Assert.Equal(UserHeader + await File.ReadAllTextAsync(Path.Combine(SaasAppRepository.Source, "Services", "DocumentStore.cs")),
            await File.ReadAllTextAsync(Path.Combine(repo.Path, "app/Services/DocumentStore.cs")));
        Assert.Contains("storage: s3", await File.ReadAllTextAsync(Path.Combine(repo.Path, "app/toolkit.yaml")));
        Assert.Equal(applied.GitBefore, await repo.GitStateAsync());
        Assert.Contains("rolled-back", (await ToolkitRun.OkAsync("migrate", "status", "--path", applied.App)).StandardOutput);
    }
}
