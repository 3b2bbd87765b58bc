using Toolkit.Migrations.Planning;
using Toolkit.Migrations.Tests.Support;

namespace Toolkit.Migrations.Tests;

/// <summary>Plan, review, apply and roll back real swaps on a copy of the example app in a real git repository.</summary>
public class RoundTripSpecs
{
    [Fact(Timeout = 300_000)]
    public async Task I_can_apply_three_swaps_and_roll_them_back_leaving_every_file_and_HEAD_index_and_stash_as_they_were()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var app = SaasAppRepository.App(repo);
        repo.Write("app/notes/untracked.md", "an untracked note\n");
        await repo.GitAsync("stash", "list");
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "ai:openai=anthropic", "--swap", "storage:s3=r2", "--swap", "database:neon=supabase",
                "--path", app, "--out", planFile,
                "--option", "r2.accountId=0123456789abcdef0123456789abcdef");
            var plan = PlanJson.Read(planFile);
            Assert.Equal(MigrationType.FullStack, plan.MigrationType);
            Assert.Contains(plan.FileChanges, c => c.Path == "appsettings.json" && !c.Conflict);
            Assert.Contains(plan.ConfigChanges, c => c.Category == "storage" && c.To == "r2");

            // The patch is what git apply expects (checked only: the engine applies).
            var patch = (await ToolkitRun.OkAsync("migrate", "diff", planFile, "--format", "patch")).StandardOutput;
            var patchFile = planFile + ".patch";
            await File.WriteAllTextAsync(patchFile, patch);
            await repo.GitAsync("apply", "--check", patchFile);
            File.Delete(patchFile);

            var applied = await ToolkitRun.OkAsync("migrate", "apply", planFile, "--allow-dirty");
            Assert.Contains("dotnet build passed", applied.StandardOutput);
            var yaml = await File.ReadAllTextAsync(Path.Combine(app, "toolkit.yaml"));
            Assert.Contains("storage: r2   # documents bucket, keep this comment", yaml);
            Assert.Contains("database: supabase", yaml);
            Assert.Contains("supabase", await File.ReadAllTextAsync(Path.Combine(app, "appsettings.json")));
            Assert.Contains("Anthropic", await File.ReadAllTextAsync(Path.Combine(app, "SaasApp.csproj")));
            Assert.NotEmpty((await repo.GitAsync("rev-parse", "--verify", $"refs/toolkit/backups/{plan.Id}")).Trim());
            Assert.Equal(gitBefore, await repo.GitStateAsync());
            Assert.Contains("applied", (await ToolkitRun.OkAsync("migrate", "status", "--path", app)).StandardOutput);

            var rolledBack = await ToolkitRun.OkAsync("migrate", "rollback", planFile);
            Assert.Contains("[verified]", rolledBack.StandardOutput);
            Assert.DoesNotContain("NOT VERIFIED", rolledBack.StandardOutput);
            Assert.Equal(before, repo.Snapshot());
            Assert.Equal(gitBefore, await repo.GitStateAsync());
            var history = (await ToolkitRun.OkAsync("migrate", "history", "--path", app, "--json")).StandardOutput;
            Assert.Contains("\"rolled-back\"", history);
        }
        finally { File.Delete(planFile); }
    }
}
