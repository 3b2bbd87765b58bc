using Toolkit.Migrations.Tests.Support;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests;

/// <summary>Every bad input is a clear error with exit code 1, and nothing changes: files, HEAD, index, stash, refs.</summary>
public class BadInputSpecs
{
    private static async Task AssertRefusedAsync(TempRepository repo, string code, string message, params string[] args)
    {
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync() + await repo.GitAsync("for-each-ref");
        var result = await ToolkitRun.RunAsync(args);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
        Assert.Contains(code, result.StandardError);
        Assert.Contains(message, result.StandardError);
        Assert.Equal(before, repo.Snapshot());
        Assert.Equal(gitBefore, await repo.GitStateAsync() + await repo.GitAsync("for-each-ref"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_an_unknown_swap_refused_with_the_known_ones_listed()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        await AssertRefusedAsync(repo, "MIG030", "known swaps: ai:anthropic=ollama, ai:anthropic=openai, ai:azure-openai=anthropic, ai:ollama=anthropic, ai:ollama=openai, ai:openai=anthropic, ai:openai=ollama, database:neon=supabase, database:supabase=neon, storage:r2=s3, storage:s3=r2",
            "migrate", "plan", "--swap", "ai:openai=gemini", "--path", SaasAppRepository.App(repo));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_an_app_outside_any_git_repository_refused()
    {
        using var plain = new TempDirectory("toolkit-nogit");
        plain.Write("app/Program.cs", "class P {}\n");
        var before = plain.Snapshot();
        var result = await ToolkitRun.RunAsync("migrate", "plan", "--swap", "storage:s3=r2", "--path", plain.Combine("app"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MIG020", result.StandardError);
        Assert.Contains("is not inside a git working tree", result.StandardError);
        Assert.Equal(before, plain.Snapshot());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_a_file_that_links_outside_the_app_refused()
    {
        // Swaps never read through links; the engine's own toolkit.yaml edit would, so it is checked too.
        using var outside = new TempDirectory("toolkit-outside");
        using var repo = await SaasAppRepository.CreateAsync(r =>
        {
            var yaml = r.Directory.Combine("app", "toolkit.yaml");
            File.Move(yaml, outside.Combine("toolkit.yaml"));
            File.CreateSymbolicLink(yaml, outside.Combine("toolkit.yaml"));
        });
        var outsideBefore = outside.Snapshot();
        await AssertRefusedAsync(repo, "MIG010", "refusing path 'toolkit.yaml': a symbolic link on the way leads to",
            "migrate", "plan", "--swap", "storage:s3=r2", "--path", SaasAppRepository.App(repo));
        Assert.Equal(outsideBefore, outside.Snapshot());
    }

    [Fact(Timeout = 180_000)]
    public async Task I_can_see_a_plan_whose_files_changed_since_planning_refused()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--path", SaasAppRepository.App(repo), "--out", planFile);
            File.AppendAllText(repo.Directory.Combine("app", "Services", "DocumentStore.cs"), "// a later edit\n");
            await repo.CommitAllAsync("later edit");
            await AssertRefusedAsync(repo, "MIG042", "Services/DocumentStore.cs changed since planning", "migrate", "apply", planFile);
        }
        finally { File.Delete(planFile); }
    }

    [Fact(Timeout = 180_000)]
    public async Task I_can_see_dirty_trees_edited_plans_and_never_applied_rollbacks_refused()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--path", SaasAppRepository.App(repo), "--out", planFile);
            await AssertRefusedAsync(repo, "MIG050", "was never applied", "migrate", "rollback", planFile);

            repo.Write("app/scratch.txt", "work in progress\n");
            await AssertRefusedAsync(repo, "MIG041", "?? app/scratch.txt", "migrate", "apply", planFile);
            File.Delete(repo.Directory.Combine("app", "scratch.txt"));

            var json = await File.ReadAllTextAsync(planFile);
            await File.WriteAllTextAsync(planFile, json.Replace("\"path\": \"toolkit.yaml\"", "\"path\": \"../../outside.yaml\""));
            await AssertRefusedAsync(repo, "MIG003", "was edited after planning", "migrate", "apply", planFile);

            // Even with the id forged to match, a path that leaves the app is never written.
            await File.WriteAllTextAsync(planFile, json);
            var plan = Toolkit.Migrations.Planning.PlanJson.Read(planFile);
            var forged = plan with { FileChanges = [.. plan.FileChanges, plan.FileChanges[0] with { Path = "../README.md", BeforeHash = null }] };
            forged = forged with { Id = Toolkit.Migrations.Planning.PlanJson.ComputeId(forged) };
            Toolkit.Migrations.Planning.PlanJson.Write(forged, planFile);
            await AssertRefusedAsync(repo, "MIG010", "refusing path '../README.md': it points outside the app", "migrate", "apply", planFile);
        }
        finally { File.Delete(planFile); }
    }
}
