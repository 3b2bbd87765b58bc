using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Rules;

namespace Toolkit.Stacks.Tests.Configuration;

public class RuleSpecs
{
    private static readonly ToolkitConfig Base = ConfigLoader.Parse(SampleConfig.Yaml, "sample.yaml");

    /// <summary>Per rule: a change to the sample that makes it fire, and a close change that must not.</summary>
    private static readonly Dictionary<string, (Func<ToolkitConfig, ToolkitConfig> Fires, Func<ToolkitConfig, ToolkitConfig> Quiet)> Cases = new()
    {
        ["supabase-auth-requires-supabase-database"] = (c => Tech(c, ("auth", "supabase-auth")), c => Tech(c, ("auth", "supabase-auth"), ("database", "supabase"))),
        ["neon-multi-region"] = (c => Pattern(Tech(c, ("database", "neon")), DeploymentPattern.MultiRegion, "us-east-1", "us-west-2"), c => Pattern(Tech(c, ("database", "neon")), DeploymentPattern.SingleRegion, "us-east-1")),
        ["hipaa-region-outside-residency"] = (c => Hipaa(c, allowed: ["us-east-2"]), c => Hipaa(c, allowed: ["us-east-1"])),
        ["region-prohibited"] = (c => Compliance(c, x => x with { DataResidency = new([], ["us-east-1"]) }), c => Compliance(c, x => x with { DataResidency = new([], ["eu-west-1"]) })),
        ["db-per-tenant-cost"] = (c => Tenants(Isolation(c, IsolationLevel.DbPerTenant), 51), c => Tenants(Isolation(c, IsolationLevel.DbPerTenant), 50)),
        ["hipaa-requires-encryption-at-rest"] = (c => Hipaa(c) with { Compliance = Hipaa(c).Compliance with { Encryption = new EncryptionConfig(AtRest: false) } }, c => Hipaa(c)),
        ["hipaa-audit-retention"] = (c => Compliance(Hipaa(c), x => x with { AuditLog = new AuditLogConfig(true, 365) }), c => Hipaa(c)),
        ["soc2-requires-audit-log"] = (c => Compliance(c, x => x with { AuditLog = new AuditLogConfig(false) }), c => Compliance(c, x => x with { Frameworks = [], AuditLog = new AuditLogConfig(false) })),
        ["gdpr-region-outside-adequacy"] = (c => Frameworks(c, ComplianceFramework.Gdpr), c => Frameworks(Pattern(c, DeploymentPattern.BlueGreen, "eu-west-1"), ComplianceFramework.Gdpr)),
        ["tls-below-1-2"] = (c => Compliance(c, x => x with { Encryption = new EncryptionConfig(MinimumTlsVersion: "1.1") }), c => Compliance(c, x => x with { Encryption = new EncryptionConfig(MinimumTlsVersion: "1.3") })),
        ["r2-requires-cloudflare-edge"] = (c => Tech(c, ("storage", "r2"), ("edge", "aws")), c => Tech(c, ("storage", "r2"), ("edge", "cloudflare"))),
        ["cloudflare-kv-requires-cloudflare-edge"] = (c => Tech(c, ("cache", "cloudflare-kv"), ("edge", "aws")), c => Tech(c, ("cache", "cloudflare-kv"))),
        ["multi-region-needs-two-regions"] = (c => Pattern(c, DeploymentPattern.MultiRegion, "us-east-1"), c => Pattern(c, DeploymentPattern.MultiRegion, "us-east-1", "us-east-2")),
        ["single-region-extra-regions"] = (c => Pattern(c, DeploymentPattern.SingleRegion, "us-east-1", "us-east-2"), c => Pattern(c, DeploymentPattern.SingleRegion, "us-east-1")),
        ["hipaa-email-without-baa"] = (c => Tech(Hipaa(c), ("email", "resend")), c => Tech(Hipaa(c), ("email", "aws-ses"))),
        ["hipaa-ai-provider-baa"] = (c => Tech(Hipaa(c), ("ai", "openai")), c => Tech(Hipaa(c), ("ai", "aws-bedrock"))),
        ["cockroachdb-rls-version"] = (c => Tech(c, ("database", "cockroachdb")), c => Isolation(Tech(c, ("database", "cockroachdb")), IsolationLevel.SchemaPerTenant)),
        ["supabase-db-per-tenant"] = (c => Isolation(Tech(c, ("database", "supabase")), IsolationLevel.DbPerTenant), c => Tech(c, ("database", "supabase"))),
        ["hipaa-customer-managed-keys"] = (c => Compliance(Hipaa(c), x => x with { Encryption = new EncryptionConfig(CustomerManagedKeys: false) }), c => Compliance(c, x => x with { Encryption = new EncryptionConfig(CustomerManagedKeys: false) })),
        ["aurora-global-writes-in-primary"] = (c => Pattern(c, DeploymentPattern.MultiRegion, "us-east-1", "us-west-2"), c => Pattern(c, DeploymentPattern.SingleRegion, "us-east-1")),
        ["blue-green-db-per-tenant-migrations"] = (c => Isolation(c, IsolationLevel.DbPerTenant), c => Isolation(c, IsolationLevel.SchemaPerTenant)),
        ["encryption-in-transit-required"] = (c => Compliance(c, x => x with { Encryption = new EncryptionConfig(InTransit: false) }), c => Compliance(c, x => x with { Frameworks = [], Encryption = new EncryptionConfig(InTransit: false) })),
        ["backup-retention-minimum"] = (c => Compliance(c, x => x with { BackupRetentionDays = 3 }), c => Compliance(c, x => x with { BackupRetentionDays = 7 })),
        ["kubernetes-aws-secrets"] = (c => Tech(c, ("compute", "kubernetes")), c => Tech(c, ("compute", "kubernetes"), ("secrets", "doppler"))),
        ["single-tenant-one-tenant"] = (c => c with { Architecture = new ArchitectureConfig(TenancyModel.SingleTenant, null) }, c => Tenants(c with { Architecture = new ArchitectureConfig(TenancyModel.SingleTenant, null) }, 1)),
        ["region-outside-residency"] = (c => Compliance(c, x => x with { DataResidency = new(["us-west-2"], []) }), c => Hipaa(c, allowed: ["us-west-2"])),
        ["hipaa-requires-tenant-schemas"] = (c => Isolation(Hipaa(c), IsolationLevel.Rls), c => Hipaa(c)),
        ["gdpr-requires-audit-log"] = (c => Compliance(c, x => x with { Frameworks = [ComplianceFramework.Gdpr], AuditLog = new AuditLogConfig(false) }), c => Frameworks(c, ComplianceFramework.Gdpr)),
    };

    public static TheoryData<string> RuleIds => new(Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void I_can_trigger_each_rule_and_keep_it_quiet_with_a_close_config(string id)
    {
        var (fires, quiet) = Cases[id];

        var fired = Fired(fires(Base));
        var quietFired = Fired(quiet(Base));

        Assert.Contains(id, fired.Select(f => f.Rule.Id));
        Assert.DoesNotContain(id, quietFired.Select(f => f.Rule.Id));
        var finding = fired.First(f => f.Rule.Id == id);
        Assert.Equal(finding.Rule.Code, finding.Diagnostic.Code);
        Assert.Equal(finding.Rule.Severity, finding.Diagnostic.Severity);
        Assert.DoesNotContain("{", finding.Diagnostic.Message); // every placeholder was filled
        Assert.EndsWith($"[rule {id}]", finding.Diagnostic.Message);
    }

    [Fact]
    public void I_can_rely_on_every_shipped_rule_being_real_and_tested()
    {
        var rules = RuleSet.Default.Rules;

        Assert.True(rules.Count >= 15, $"only {rules.Count} rules");
        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), rules.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(rules, r => Assert.Matches("^TK2[0-9]{3}$", r.Code));
        Assert.Contains(rules, r => r.Kind == RuleKind.Requires);
        Assert.Contains(rules, r => r.Kind == RuleKind.ConflictsWith);
        Assert.Contains(rules, r => r.Kind == RuleKind.WarnsWith);
        Assert.Contains(rules, r => r.Severity == Severity.Info);
        Assert.Empty(Fired(Base));
    }

    [Fact]
    public void I_can_see_a_rule_finding_point_at_the_line_that_causes_it()
    {
        var text = SampleConfig.With("  storage: s3", "  storage: s3\n  auth: supabase-auth");
        var config = ConfigLoader.Parse(text, "auth.yaml");

        var finding = ConfigValidator.Validate(config).Errors.Single();

        var (line, column) = SampleConfig.Position(text, "supabase-auth");
        Assert.Equal($"auth.yaml:{line}:{column}: error TK2001: Supabase Auth keeps users in the auth schema of a Supabase database and ties sessions to its row-level security; it cannot run against database 'aws-aurora'. [rule supabase-auth-requires-supabase-database]",
            finding.ToString());
        Assert.Contains("Set technologies.database to supabase", finding.Suggestions);
    }

    [Fact]
    public void I_can_see_which_region_breaks_hipaa_residency_even_when_only_a_stack_deploys_there()
    {
        var text = SampleConfig.With("frameworks: [soc2]", "frameworks: [hipaa]\n  dataResidency: { allowedRegions: [us-east-1] }\n  auditLog: { retentionDays: 2190 }")
            .Replace("isolation: rls", "isolation: schema-per-tenant", StringComparison.Ordinal)
            .Replace("    regions: [us-east-1]", "    regions: [us-east-1, eu-west-1]", StringComparison.Ordinal);
        var config = ConfigLoader.Parse(text, "hipaa.yaml");

        var finding = ConfigValidator.Validate(config).Errors.Single();

        Assert.Equal("TK2003", finding.Code);
        Assert.Contains("region(s) eu-west-1 are outside", finding.Message);
        var (line, column) = SampleConfig.Position(text, "eu-west-1]");
        Assert.Equal(new SourceLocation("hipaa.yaml", line, column), finding.Location);
    }

    [Fact]
    public void I_can_let_warnings_through_only_when_I_allow_them()
    {
        var report = ConfigValidator.Validate(Tenants(Isolation(Base, IsolationLevel.DbPerTenant), 60));

        Assert.Empty(report.Errors);
        Assert.NotEmpty(report.Warnings);
        Assert.False(report.IsValid());
        Assert.True(report.IsValid(allowWarnings: true));
        Assert.Throws<DiagnosticException>(() => report.ThrowIfInvalid());
    }

    [Fact]
    public void I_can_have_rule_data_rejected_when_it_names_a_fact_that_does_not_exist()
    {
        const string yaml = """
            rules:
              - { id: typo, code: TK2999, kind: requires, severity: error, when: { databse: neon }, then: { pattern: single-region }, message: m }
            """;

        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Parse(yaml, TechnologyCatalogue.Default));

        Assert.Equal("rule typo: unknown fact 'databse' in 'when'", error.Message);
    }

    private static IReadOnlyList<RuleFinding> Fired(ToolkitConfig config) => RuleEvaluator.Evaluate(config);

    private static ToolkitConfig Tech(ToolkitConfig c, params (string Category, string Option)[] choices)
    {
        var map = c.Technologies.ByCategory.ToDictionary();
        foreach (var (category, option) in choices) map[category] = option;
        return c with { Technologies = new TechnologyChoices(map) };
    }

    private static ToolkitConfig Pattern(ToolkitConfig c, DeploymentPattern pattern, params string[] regions) =>
        c with { Deployment = c.Deployment with { Pattern = pattern, Regions = regions }, Stacks = c.Stacks.Select(s => s with { Regions = null }).ToList() };

    private static ToolkitConfig Isolation(ToolkitConfig c, IsolationLevel isolation) => c with { Architecture = new ArchitectureConfig(TenancyModel.MultiTenant, isolation) };

    private static ToolkitConfig Compliance(ToolkitConfig c, Func<ComplianceConfig, ComplianceConfig> change) => c with { Compliance = change(c.Compliance) };

    private static ToolkitConfig Frameworks(ToolkitConfig c, params ComplianceFramework[] frameworks) => Compliance(c, x => x with { Frameworks = frameworks });

    // HIPAA with tenants in their own schemas (rls under HIPAA is rule TK2028).
    private static ToolkitConfig Hipaa(ToolkitConfig c, string[]? allowed = null) => Compliance(Isolation(c, IsolationLevel.SchemaPerTenant), x => x with
    {
        Frameworks = [ComplianceFramework.Hipaa],
        DataResidency = new DataResidencyConfig(allowed ?? ["us-east-1"], []),
        AuditLog = new AuditLogConfig(true, 2190),
    });

    private static ToolkitConfig Tenants(ToolkitConfig c, int count) => c with
    {
        Tenants = Enumerable.Range(1, count).Select(i => new TenantConfig { Id = $"t{i}", Name = $"T {i}", Slug = $"t{i}", Subdomain = $"t{i}" }).ToList(),
    };
}
