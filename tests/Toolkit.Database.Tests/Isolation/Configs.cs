using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Tests.Isolation;

/// <summary>Configs built in code, with tenant slugs unique per test (roles and databases are cluster-wide).</summary>
internal static class Configs
{
    public static ToolkitConfig With(IsolationLevel level, params string[] names)
    {
        var run = "t" + Guid.NewGuid().ToString("N")[..6];
        return With(level, names.Select(n => (Id: $"{run}-{n}", Slug: $"{run}-{n}")).ToArray());
    }

    public static ToolkitConfig With(IsolationLevel level, (string Id, string Slug)[] tenants) => new()
    {
        Version = "1",
        Project = new ProjectMetadata("Test", "test", "test platform"),
        Technologies = new TechnologyChoices(new Dictionary<string, string>()),
        Architecture = new ArchitectureConfig(TenancyModel.MultiTenant, level),
        Deployment = new DeploymentConfig { Pattern = DeploymentPattern.SingleRegion, Regions = ["us-east-1"], Domain = "example.com" },
        Compliance = new ComplianceConfig(),
        Tenants = tenants.Select(t => new TenantConfig { Id = t.Id, Name = t.Id, Slug = t.Slug, Subdomain = t.Slug }).ToList(),
    };

    /// <summary>The same config as YAML, for the CLI.</summary>
    public static string Yaml(ToolkitConfig config) => $"""
        version: 1
        project:
          name: Test
          slug: test
          description: test platform
        technologies:
          compute: aws-ecs
          edge: aws
          database: aws-aurora
          storage: s3
        architecture:
          tenancy: multi-tenant
          isolation: {Isolation(config.Architecture.Isolation!.Value)}
        deployment:
          pattern: single-region
          regions: [us-east-1]
          domain: example.com
        compliance:
          frameworks: []
        tenants:
        {string.Join("\n", config.Tenants.Select(t => $"  - {{ id: {t.Id}, name: {t.Id}, slug: {t.Slug}, subdomain: {t.Slug} }}"))}

        """;

    private static string Isolation(IsolationLevel level) => level switch
    {
        IsolationLevel.Rls => "rls",
        IsolationLevel.SchemaPerTenant => "schema-per-tenant",
        _ => "db-per-tenant",
    };
}
