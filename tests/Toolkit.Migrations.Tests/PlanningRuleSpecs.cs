using Toolkit.Migrations.Planning;
using Toolkit.Migrations.Tests.Support;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Migrations.Tests;

/// <summary>Rules every plan keeps, whatever the swap: the platform stays valid, and the plan's words stay true.</summary>
public class PlanningRuleSpecs
{
    private static string WithEdge(string edge) => SaasAppRepository.ToolkitYaml.Replace("edge: cloudflare", $"edge: {edge}");

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_a_swap_that_would_break_a_compatibility_rule_refused_with_the_rule_named_and_nothing_written()
    {
        using var repo = await SaasAppRepository.CreateAsync(r => r.Write("app/toolkit.yaml", WithEdge("aws")));
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync() + await repo.GitAsync("for-each-ref");

        var result = await ToolkitRun.RunAsync("migrate", "plan", "--swap", "storage:s3=r2", "--path", SaasAppRepository.App(repo), "--out", planFile);

        Assert.True(result.ExitCode == 1, result.StandardOutput + result.StandardError);
        Assert.Contains("toolkit.yaml:6:", result.StandardError); // the storage line the rule points at
        Assert.Contains("error MIG036: storage:s3=r2 would make toolkit.yaml invalid", result.StandardError);
        Assert.Contains("[rule r2-requires-cloudflare-edge]", result.StandardError);
        Assert.Contains("--option toolkit.edge=cloudflare", result.StandardError);
        Assert.False(File.Exists(planFile));
        Assert.Equal(before, repo.Snapshot());
        Assert.Equal(gitBefore, await repo.GitStateAsync() + await repo.GitAsync("for-each-ref"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_plan_the_other_toolkit_yaml_change_that_keeps_the_platform_valid()
    {
        using var repo = await SaasAppRepository.CreateAsync(r => r.Write("app/toolkit.yaml", WithEdge("aws")));
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--path", SaasAppRepository.App(repo), "--out", planFile,
                "--option", "toolkit.edge=cloudflare");

            var plan = PlanJson.Read(planFile);
            Assert.Equal([new ConfigChange("toolkit.yaml", "edge", "aws", "cloudflare"), new ConfigChange("toolkit.yaml", "storage", "s3", "r2")], plan.ConfigChanges);
            var yaml = Assert.Single(plan.FileChanges, c => c.Path == "toolkit.yaml").Diff;
            Assert.Contains("+  edge: cloudflare", yaml);
            Assert.Contains("+  storage: r2   # documents bucket, keep this comment", yaml);
            Assert.Equal("cloudflare", plan.SwapOptions["toolkit.edge"]);
        }
        finally { File.Delete(planFile); }
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_a_toolkit_option_for_an_unknown_technology_refused()
    {
        using var repo = await SaasAppRepository.CreateAsync();
        var result = await ToolkitRun.RunAsync("migrate", "plan", "--swap", "storage:s3=r2", "--path", SaasAppRepository.App(repo), "--option", "toolkit.edge=akamai");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MIG034", result.StandardError);
        Assert.Contains("'akamai' is not a edge option (known: ", result.StandardError);
    }

    [Fact(Timeout = 240_000)]
    public async Task I_can_trust_validation_to_write_nothing_in_the_app_that_the_plan_does_not_list()
    {
        // Restore with a lock file writes packages.lock.json beside the project: a file the plan never listed.
        const string LockFiles = """
            <Project>
              <PropertyGroup>
                <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
              </PropertyGroup>
            </Project>

            """;
        using var repo = await SaasAppRepository.CreateAsync(r => r.Write("app/Directory.Build.props", LockFiles));
        var app = SaasAppRepository.App(repo);
        var before = repo.Snapshot(); // ignored files too (obj/project.assets.json)
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "database:neon=supabase", "--path", app, "--out", planFile);
            var planned = PlanJson.Read(planFile).FileChanges.Select(c => Path.Combine("app", c.Path)).ToHashSet();

            var applied = await ToolkitRun.OkAsync("migrate", "apply", planFile);

            Assert.Contains("dotnet build passed", applied.StandardOutput);
            var after = repo.Snapshot();
            Assert.Empty(after.Keys.Except(before.Keys)); // no packages.lock.json, no obj/ or bin/ files
            Assert.Empty(before.Keys.Except(after.Keys));
            Assert.Equal(planned.Order(), after.Where(f => before[f.Key] != f.Value).Select(f => f.Key).Order());
        }
        finally { File.Delete(planFile); }
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_trust_a_plan_never_to_say_left_unchanged_about_a_file_it_changes()
    {
        using var repo = await TempRepository.CreateAsync();
        repo.Write("app/Chat.cs", "class Chat {}\n");
        await repo.CommitAllAsync();

        var prepared = await new MigrationPlanner([new OneFileSwap()]).PlanAsync(repo.Directory.Combine("app"), ["ai:one=other"]);

        var step = Assert.Single(prepared.Plan.ManualSteps);
        Assert.Contains(prepared.Plan.FileChanges, c => c.Path == "Chat.cs");
        Assert.DoesNotContain("unchanged", step.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ChatClient comes from CreateClient() in Factory.cs:12. This code was not rewritten; the plan changes other lines of this file (ai:one=other).", step.Reason);
    }

    // A swap that edits a file and, about the same file, says it left it unchanged (as a code rewriter may while a package step edits it).
    private sealed class OneFileSwap : ISwap
    {
        public string Id => "ai:one=other";
        public string Category => "ai";
        public string From => "one";
        public string To => "other";
        public string Description => "Test swap.";

        public SwapResult Plan(SwapContext context) => new(
            [new FileEdit("Chat.cs", "class Chat {}\n", "class Chat { }\n")],
            [new ManualStep("Chat.cs", 1, "ChatClient comes from CreateClient() in Factory.cs:12. This file was left unchanged.")],
            []);
    }
}
