using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests.Configuration;

public class ConfigLoadingSpecs
{
    [Fact]
    public void I_can_load_the_main_example_into_typed_records()
    {
        var config = ConfigLoader.Load(RepositoryRoot.Combine("examples", "toolkit.yaml"));

        Assert.Equal("acme-notes", config.Project.Slug);
        Assert.Equal("aws-ecs", config.Technologies.Compute);
        Assert.Equal("cloudflare", config.Technologies.Edge);
        Assert.Equal("clerk", config.Technologies["auth"]);
        Assert.Equal(new ArchitectureConfig(TenancyModel.MultiTenant, IsolationLevel.SchemaPerTenant), config.Architecture);
        Assert.Equal(DeploymentPattern.BlueGreen, config.Deployment.Pattern);
        Assert.Equal([1, 10, 50, 100], config.Deployment.BlueGreen.Steps);
        Assert.Equal(0.01, config.Deployment.BlueGreen.RollbackTriggers.MaxErrorRate);
        Assert.Equal(new LocalTrafficConfig("127.0.0.1:8080", "127.0.0.1:8081", "127.0.0.1:8082", "/healthz"), config.Deployment.BlueGreen.Local);
        Assert.Equal([ComplianceFramework.Soc2], config.Compliance.Frameworks);
        Assert.Equal(Enforcement.Mandatory, config.Compliance.Enforcement[ComplianceFramework.Soc2]);
        Assert.Equal(5, config.Tenants.Count);
        Assert.Equal("notes.globex.com", config.Tenants[0].CustomDomain);
        Assert.Equal(TenantStatus.Suspended, config.Tenants[3].Status);
        Assert.Equal(new TenantQuotas(25, 5, 500_000), config.Tenants[4].Quotas);
        Assert.Equal(["dev", "staging", "prod"], config.Stacks.Select(s => s.Name));
        Assert.Equal(1, config.Stacks[0].Instances);
        Assert.True(config.Stacks[0].DeletionProtection);
    }

    [Fact]
    public void I_can_find_the_line_and_column_of_any_value_through_the_source_map()
    {
        var config = ConfigLoader.Parse(SampleConfig.Yaml, "sample.yaml");

        var (line, column) = SampleConfig.Position(SampleConfig.Yaml, "beta", occurrence: 2);
        Assert.Equal(new SourceLocation("sample.yaml", line, column), config.Source.Find("tenants[1].slug"));
        var region = SampleConfig.Position(SampleConfig.Yaml, "us-east-1");
        Assert.Equal(new SourceLocation("sample.yaml", region.Line, region.Column), config.Source.Find("deployment.regions[0]"));
        var prod = SampleConfig.Position(SampleConfig.Yaml, "us-east-1", occurrence: 2);
        Assert.Equal(new SourceLocation("sample.yaml", prod.Line, prod.Column), config.Source.Find("stacks.prod.regions[0]"));
    }

    [Fact]
    public void I_can_resolve_a_stack_with_its_region_override_and_get_a_clear_error_for_an_unknown_one()
    {
        var config = ConfigLoader.Load(RepositoryRoot.Combine("examples", "kubernetes-multi-region.yaml"));

        var dev = config.ResolveStack("dev");
        var prod = config.ResolveStack("prod");
        Assert.Equal(["eu-north-1"], dev.Regions);
        Assert.Equal(["eu-west-1", "eu-central-1"], prod.Regions);
        Assert.Equal("eu-west-1", prod.PrimaryRegion);
        Assert.Equal(["eu-central-1"], prod.SecondaryRegions);
        Assert.Equal(["eu-north-1"], dev.EffectiveConfig.Deployment.Regions);

        var error = Assert.Throws<DiagnosticException>(() => config.ResolveStack("prdo")).Diagnostics.Single();
        Assert.Equal(ConfigErrorCodes.UnknownStack, error.Code);
        Assert.Contains("'prdo'", error.Message);
        Assert.Contains("did you mean 'prod'", error.Message);
        Assert.Contains("known stacks: dev, prod", error.Message);
    }

    [Fact]
    public void I_can_write_a_config_and_read_back_the_same_config()
    {
        var original = ConfigLoader.Load(RepositoryRoot.Combine("examples", "toolkit.yaml"));

        var text = ConfigWriter.Write(original);
        var reread = ConfigLoader.Parse(text, "written.yaml");

        Assert.Equal(original.Project, reread.Project);
        Assert.Equal(original.Technologies.ByCategory.OrderBy(p => p.Key), reread.Technologies.ByCategory.OrderBy(p => p.Key));
        Assert.Equal(original.Architecture, reread.Architecture);
        Assert.Equal(original.Deployment.Regions, reread.Deployment.Regions);
        Assert.Equal(original.Deployment.HealthCheck, reread.Deployment.HealthCheck);
        Assert.Equal(original.Deployment.BlueGreen.Steps, reread.Deployment.BlueGreen.Steps);
        Assert.Equal(original.Deployment.BlueGreen.RollbackTriggers, reread.Deployment.BlueGreen.RollbackTriggers);
        Assert.Equal(original.Deployment.BlueGreen.Local, reread.Deployment.BlueGreen.Local);
        Assert.Equal(original.Compliance.DataResidency.AllowedRegions, reread.Compliance.DataResidency.AllowedRegions);
        Assert.Equal(original.Compliance.Enforcement, reread.Compliance.Enforcement);
        Assert.Equal(original.Tenants, reread.Tenants);
        Assert.Equal(original.Stacks.Select(s => s with { Regions = null }), reread.Stacks.Select(s => s with { Regions = null }));
        Assert.Equal(text, ConfigWriter.Write(reread));
    }

    [Fact]
    public void I_can_load_a_config_with_ten_thousand_tenants()
    {
        var config = StarterConfig.Create(new StarterOptions { Pattern = "multi-region", Isolation = "schema-per-tenant", Compute = "aws-ecs", Edge = "cloudflare", Tenants = 10_000 });
        var text = ConfigWriter.Write(config);

        var loaded = ConfigLoader.Parse(text, "big.yaml");

        Assert.Equal(10_000, loaded.Tenants.Count);
        Assert.Equal("tenant-10000", loaded.Tenants[^1].Slug);
        Assert.NotNull(loaded.Source.Find("tenants[9999].subdomain"));
        Assert.True(ConfigValidator.Validate(loaded).IsValid());
    }
}
