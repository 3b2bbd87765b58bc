using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests.Configuration;

public class InitSpecs
{
    public static TheoryData<string, string, string, string> Combinations()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var pattern in new[] { "single-region", "multi-region", "blue-green" })
        foreach (var isolation in new[] { "rls", "schema-per-tenant", "db-per-tenant" })
        foreach (var compute in new[] { "aws-ecs", "kubernetes" })
        foreach (var edge in new[] { "cloudflare", "aws" })
            data.Add(pattern, isolation, compute, edge);
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void I_can_start_from_a_config_that_loads_and_validates_cleanly_for_every_combination(string pattern, string isolation, string compute, string edge)
    {
        // HIPAA needs tenants out of shared tables (rule TK2028), so rls starters take SOC 2 alone.
        var options = new StarterOptions { Pattern = pattern, Isolation = isolation, Compute = compute, Edge = edge, Compliance = isolation == "rls" ? ["soc2"] : ["soc2", "hipaa"] };

        var text = ConfigWriter.Write(StarterConfig.Create(options));
        var config = ConfigLoader.Parse(text, "toolkit.yaml");
        var report = ConfigValidator.Validate(config);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        Assert.Equal(compute, config.Technologies.Compute);
        Assert.Equal(edge, config.Technologies.Edge);
        Assert.Equal(pattern, Words.Of(config.Deployment.Pattern));
        Assert.Equal(isolation, Words.Of(config.Architecture.Isolation!.Value));
        Assert.All(config.Stacks, s => config.ResolveStack(s.Name));
    }

    [Fact]
    public void I_can_start_a_gdpr_platform_in_eu_regions_without_warnings()
    {
        var config = StarterConfig.Create(new StarterOptions { Pattern = "multi-region", Isolation = "rls", Compute = "kubernetes", Edge = "aws", Compliance = ["gdpr"] });

        Assert.Equal(["eu-west-1", "eu-central-1"], config.Deployment.Regions);
        Assert.Empty(ConfigValidator.Validate(ConfigLoader.Parse(ConfigWriter.Write(config), "x.yaml")).Warnings);
    }

    [Fact]
    public void I_can_get_every_bad_init_argument_reported_at_once()
    {
        var options = new StarterOptions { Pattern = "canary", Isolation = "rls", Compute = "ecs", Edge = "aws", Regions = ["us-east-1", "moon-1"], Tenants = -1, Compliance = ["pci"] };

        var errors = Assert.Throws<DiagnosticException>(() => StarterConfig.Create(options)).Diagnostics;

        Assert.Equal([ConfigErrorCodes.InvalidEnumValue, ConfigErrorCodes.UnknownOption, ConfigErrorCodes.UnknownFramework, ConfigErrorCodes.InvalidInitArgument, ConfigErrorCodes.InvalidRegion],
            errors.Select(e => e.Code));
        Assert.Contains("--compute: unknown compute option 'ecs'", errors[1].Message);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_init_then_validate_with_the_real_cli()
    {
        using var dir = new TempDirectory("toolkit-init");

        var init = await ToolkitCli.RunAsync(dir.Path, "init", "--pattern", "blue-green", "--isolation", "db-per-tenant", "--compute", "kubernetes",
            "--edge", "cloudflare", "--regions", "us-east-1,us-west-2", "--tenants", "12", "--compliance", "soc2", "--out", "toolkit.yaml");
        var validate = await ToolkitCli.RunAsync(dir.Path, "validate", "--config", "toolkit.yaml");

        Assert.True(init.ExitCode == 0, init.StandardError);
        Assert.Contains("wrote toolkit.yaml", init.StandardOutput);
        Assert.True(validate.ExitCode == 0, validate.StandardError + validate.StandardOutput);
        Assert.Contains("toolkit.yaml: 0 error(s), 0 warning(s)", validate.StandardOutput);
        var config = ConfigLoader.Load(dir.Combine("toolkit.yaml"));
        Assert.Equal(12, config.Tenants.Count);
        Assert.Equal(["us-east-1", "us-west-2"], config.Deployment.Kubernetes.Keys.Order());
        Assert.All(config.Tenants, t => Assert.True(DnsName.IsLabel(t.Slug) && DnsName.IsLabel(t.Subdomain)));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_init_a_single_tenant_platform_with_isolation_none()
    {
        using var dir = new TempDirectory("toolkit-init");

        var init = await ToolkitCli.RunAsync(dir.Path, "init", "--pattern", "single-region", "--isolation", "none", "--compute", "aws-ecs", "--edge", "aws", "--out", "toolkit.yaml");

        Assert.True(init.ExitCode == 0, init.StandardError);
        var config = ConfigLoader.Load(dir.Combine("toolkit.yaml"));
        Assert.Equal(new ArchitectureConfig(TenancyModel.SingleTenant, null), config.Architecture);
        Assert.Single(config.Tenants);
        Assert.True(ConfigValidator.Validate(config).IsValid());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_get_byte_identical_output_from_two_init_runs()
    {
        using var dir = new TempDirectory("toolkit-init");
        string[] args = ["--pattern", "multi-region", "--isolation", "schema-per-tenant", "--compute", "aws-ecs", "--edge", "aws", "--tenants", "250", "--compliance", "gdpr,soc2"];

        var first = await ToolkitCli.RunAsync(dir.Path, ["init", .. args, "--out", "a.yaml"]);
        var second = await ToolkitCli.RunAsync(dir.Path, ["init", .. args, "--out", "b.yaml"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var a = await File.ReadAllBytesAsync(dir.Combine("a.yaml"));
        Assert.Equal(a, await File.ReadAllBytesAsync(dir.Combine("b.yaml")));
        Assert.DoesNotContain((byte)'\r', a);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_trust_init_not_to_overwrite_a_file_without_force()
    {
        using var dir = new TempDirectory("toolkit-init");
        dir.Write("toolkit.yaml", "# my hand-written config\n");
        var before = dir.Snapshot();
        string[] args = ["init", "--pattern", "single-region", "--isolation", "rls", "--compute", "aws-ecs", "--edge", "aws", "--out", "toolkit.yaml"];

        var refused = await ToolkitCli.RunAsync(dir.Path, args);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error TK3001: 'toolkit.yaml' already exists; pass --force to overwrite it", refused.StandardError);
        Assert.Equal(before, dir.Snapshot());

        var forced = await ToolkitCli.RunAsync(dir.Path, [.. args, "--force"]);

        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual(before, dir.Snapshot());
        ConfigLoader.Load(dir.Combine("toolkit.yaml"));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_trust_init_to_write_nothing_when_an_argument_is_wrong()
    {
        using var dir = new TempDirectory("toolkit-init");

        var result = await ToolkitCli.RunAsync(dir.Path, "init", "--pattern", "blue-green", "--isolation", "rls", "--compute", "aws-ecs",
            "--edge", "aws", "--regions", "us-east-1,eu-wset-1", "--out", "toolkit.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error TK1008: --regions: 'eu-wset-1' is not an AWS region id (did you mean 'eu-west-1'?)", result.StandardError);
        Assert.Empty(dir.Snapshot());
    }
}
