using Toolkit.Stacks.Configuration;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>Configs built in code for the in-process specs (the CLI specs write toolkit.yaml instead).</summary>
public static class Configs
{
    /// <summary>A blue-green platform with stacks dev and prod; local traffic as given (or none).</summary>
    public static ToolkitConfig BlueGreen(LocalTrafficConfig? local = null, DeploymentPattern pattern = DeploymentPattern.BlueGreen) => new()
    {
        Version = "1",
        Project = new ProjectMetadata("Acme", "acme", "test platform"),
        Technologies = new TechnologyChoices(new Dictionary<string, string> { ["compute"] = "aws-ecs" }),
        Architecture = new ArchitectureConfig(TenancyModel.MultiTenant, IsolationLevel.Rls),
        Deployment = new DeploymentConfig
        {
            Pattern = pattern,
            Regions = ["eu-west-1"],
            Domain = "example.com",
            BlueGreen = new BlueGreenConfig { Steps = [1, 10, 50, 100], BakeSeconds = 1, ScaleDownDelaySeconds = 600, Local = local },
        },
        Compliance = new ComplianceConfig(),
        Stacks = [new StackConfig { Name = "dev" }, new StackConfig { Name = "prod" }],
    };

    /// <summary>The blue-green config pointing at <paramref name="site"/>'s nginx and upstreams.</summary>
    public static ToolkitConfig For(LocalSite site)
    {
        var config = BlueGreen(new LocalTrafficConfig(site.Listen, site.Blue.HostPort, site.GreenHostPort, "/healthz"));
        // A loaded build machine can push a healthy loopback p95 past 500 ms; the slow-green spec sets its own threshold.
        var blueGreen = config.Deployment.BlueGreen with { RollbackTriggers = new RollbackTriggers(0.02, 5000, 3) };
        return config with { Deployment = config.Deployment with { BlueGreen = blueGreen } };
    }
}
