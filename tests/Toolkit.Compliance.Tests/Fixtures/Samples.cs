using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evaluation;
using Toolkit.Compliance.Evidence;
using Toolkit.Compliance.Resources;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;

namespace Toolkit.Compliance.Tests.Fixtures;

/// <summary>A config built in code and the hand-written Pulumi YAML fixture, for the renderer and diff specs.</summary>
public static class Samples
{
    /// <summary>Path of the fixture program.</summary>
    public static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hipaa-program.yaml");

    /// <summary>A multi-tenant HIPAA + SOC 2 + GDPR config with schema-per-tenant isolation in us-east-1.</summary>
    public static ToolkitConfig Config(Func<ComplianceConfig, ComplianceConfig>? change = null)
    {
        var compliance = new ComplianceConfig
        {
            Frameworks = [ComplianceFramework.Soc2, ComplianceFramework.Hipaa, ComplianceFramework.Gdpr],
            DataResidency = new DataResidencyConfig(["us-east-1", "us-west-2"], ["eu-west-1"]),
            AuditLog = new AuditLogConfig(true, 2192),
            BackupRetentionDays = 14,
            Enforcement = new Dictionary<ComplianceFramework, Enforcement> { [ComplianceFramework.Gdpr] = Enforcement.Advisory },
        };
        return new ToolkitConfig
        {
            Version = "1",
            Project = new ProjectMetadata("Acme Health", "acme-health", "Patient portal"),
            Technologies = new TechnologyChoices(new Dictionary<string, string>()),
            Architecture = new ArchitectureConfig(TenancyModel.MultiTenant, IsolationLevel.SchemaPerTenant),
            Deployment = new DeploymentConfig { Pattern = DeploymentPattern.SingleRegion, Regions = ["us-east-1"], Domain = "acme-health.example" },
            Compliance = change is null ? compliance : change(compliance),
            Tenants = [new TenantConfig { Id = "t1", Name = "Clinic One", Slug = "clinic-one", Subdomain = "one" }],
        };
    }

    /// <summary>The fixture program, optionally edited as text first.</summary>
    public static ProgramView Program(Func<string, string>? edit = null)
    {
        var yaml = File.ReadAllText(ProgramPath);
        return PulumiYamlReader.Read(edit is null ? yaml : edit(yaml), "hipaa-program.yaml", ["us-east-1"]);
    }

    /// <summary>The evaluation of the fixture under <see cref="Config"/>.</summary>
    public static ComplianceEvaluation Evaluate(Func<string, string>? edit = null, Func<ComplianceConfig, ComplianceConfig>? change = null) =>
        ComplianceEvaluator.Evaluate(new CheckContext(Config(change), "prod", Program(edit)),
            new Provenance("0.1.0", "toolkit.yaml", "3f1c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0dd"));

    /// <summary>The report of the fixture.</summary>
    public static ComplianceReport Report(Func<string, string>? edit = null) => Evaluate(edit).Report;
}
