using Toolkit.Promotion.Ci;
using Toolkit.Testing;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Promotion.Tests;

/// <summary><c>toolkit ci init --provider github</c>.</summary>
public sealed class CiInitSpecs
{
    [Fact]
    public async Task I_can_write_a_github_workflow_with_the_pipeline_stages_in_order()
    {
        using var repo = new TempDirectory();

        var result = await ToolkitCli.RunAsync(repo.Path, "ci", "init", "--provider", "github", "--config", "infra/toolkit.yaml", "--stack", "prod");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var text = File.ReadAllText(repo.Combine(".github", "workflows", "deploy.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var names = jobs.Children.Keys.Select(k => k.ToString()).ToList();
        Assert.Equal(["lint_and_test", "security_scan", "build_and_push", "database_migration", "deploy_staging", "integration_tests", "deploy_production", "post_deploy_verification"], names);
        for (var i = 1; i < names.Count; i++)
            Assert.Equal(names[i - 1], ((YamlMappingNode)jobs[names[i]])["needs"].ToString()); // each stage waits for the previous one
        var production = string.Join("\n", ((YamlSequenceNode)((YamlMappingNode)jobs["deploy_production"])["steps"])
            .OfType<YamlMappingNode>().Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()));
        Assert.Contains("toolkit promote --config infra/toolkit.yaml --stack prod --target pulumi --pulumi-dir infra/.toolkit/stacks/prod --junit promotion.xml --github-summary --release-manifest infra/.toolkit/release.json", production);
        // The image built from the commit reaches the deploys: staging runs it, production's green gets it (blue keeps the old one).
        Assert.Contains("pulumi config set greenImage \"$IMAGE\"", production);
        var staging = string.Join("\n", ((YamlSequenceNode)((YamlMappingNode)jobs["deploy_staging"])["steps"])
            .OfType<YamlMappingNode>().Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()));
        Assert.Contains("toolkit up --config infra/toolkit.yaml --stack staging --image \"$IMAGE\" --yes", staging);
        // Every job installs toolkit the way the README does, and puts it on PATH.
        foreach (var job in names)
        {
            var steps = ((YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]).OfType<YamlMappingNode>().ToList();
            Assert.Contains(steps, s => s.Children.ContainsKey("run") && s["run"].ToString().StartsWith(".toolkit-src/scripts/install.sh --tool-path ", StringComparison.Ordinal)
                && s["run"].ToString().Contains("$GITHUB_PATH", StringComparison.Ordinal));
        }
        // The promotion state is restored before and saved after the promotion (also when the job is cancelled).
        var productionSteps = ((YamlSequenceNode)((YamlMappingNode)jobs["deploy_production"])["steps"]).OfType<YamlMappingNode>().ToList();
        var restore = productionSteps.FindIndex(s => s.Children.ContainsKey("uses") && s["uses"].ToString() == "actions/cache/restore@v4");
        var promote = productionSteps.FindIndex(s => s.Children.ContainsKey("run") && s["run"].ToString().StartsWith("toolkit promote", StringComparison.Ordinal));
        var save = productionSteps.FindIndex(s => s.Children.ContainsKey("uses") && s["uses"].ToString() == "actions/cache/save@v4");
        Assert.True(restore >= 0 && restore < promote && promote < save, $"restore {restore}, promote {promote}, save {save}");
        Assert.Equal("always()", productionSteps[save]["if"].ToString());
        Assert.Equal("infra/.toolkit/promotion.prod.json", ((YamlMappingNode)productionSteps[save]["with"])["path"].ToString());
        Assert.Equal(text, GitHubWorkflow.Render("infra/toolkit.yaml", "prod", "staging")); // deterministic
    }

    [Fact]
    public async Task I_can_not_overwrite_a_workflow_without_force()
    {
        using var repo = new TempDirectory();
        var path = repo.Write(".github/workflows/deploy.yml", "name: mine\n");

        var refused = await ToolkitCli.RunAsync(repo.Path, "ci", "init", "--provider", "github");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists; pass --force to overwrite it", refused.StandardError);
        Assert.Equal("name: mine\n", File.ReadAllText(path));

        var forced = await ToolkitCli.RunAsync(repo.Path, "ci", "init", "--provider", "github", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("deploy_production:", File.ReadAllText(path));
    }

    [Fact]
    public async Task I_can_read_how_to_promote_in_the_help()
    {
        var help = await ToolkitCli.RunAsync(null, "promote", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("toolkit promote --config toolkit.yaml --stack prod --steps 5,25,100", help.StandardOutput);
        Assert.Contains("4 stopped at the current weight (one-way migration)", help.StandardOutput);
        var unknownProvider = await ToolkitCli.RunAsync(null, "ci", "init", "--provider", "jenkins");
        Assert.Equal(2, unknownProvider.ExitCode);
    }
}
