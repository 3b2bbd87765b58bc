using Toolkit.Stacks.Configuration;

namespace Toolkit.Stacks.Platforms;

/// <summary>
/// One of the 36 shapes the stacks support: pattern x isolation x compute x edge. <see cref="SampleConfig"/>
/// builds a complete config of that shape in code, used to synthesize every combination (tests, the schema
/// subset extraction, the benchmark).
/// </summary>
public sealed record Combination(DeploymentPattern Pattern, IsolationLevel Isolation, string Compute, string Edge)
{
    /// <summary>Compute options the stacks implement.</summary>
    public static IReadOnlyList<string> Computes { get; } = ["aws-ecs", "kubernetes"];

    /// <summary>Edge options the stacks implement.</summary>
    public static IReadOnlyList<string> Edges { get; } = ["cloudflare", "aws"];

    /// <summary>All 36, in a fixed order.</summary>
    public static IReadOnlyList<Combination> All { get; } =
        (from p in Enum.GetValues<DeploymentPattern>()
         from i in Enum.GetValues<IsolationLevel>()
         from c in Computes
         from e in Edges
         select new Combination(p, i, c, e)).ToList();

    /// <summary>A short id such as <c>blue-green.db-per-tenant.kubernetes.cloudflare</c>.</summary>
    public string Id => $"{Kebab(Pattern.ToString())}.{Kebab(Isolation.ToString())}.{Compute}.{Edge}";

    /// <inheritdoc />
    public override string ToString() => Id;

    /// <summary>
    /// A config of this shape with <paramref name="tenants"/> tenants (every third with a custom domain), one
    /// stack <c>prod</c>, two regions for multi-region and blue-green (one otherwise, unless <paramref name="regions"/>
    /// is given), SOC 2 and customer-managed keys unless <paramref name="compliance"/> is given.
    /// </summary>
    public ToolkitConfig SampleConfig(int tenants = 3, IReadOnlyList<string>? regions = null, ComplianceConfig? compliance = null,
        string storage = "s3", string database = "aws-aurora")
    {
        regions ??= Pattern == DeploymentPattern.SingleRegion ? ["us-east-1"] : ["us-east-1", "eu-west-1"];
        return new ToolkitConfig
        {
            Version = "1",
            Project = new ProjectMetadata("Acme Cloud", "acme", "Acme's multi-tenant SaaS platform"),
            Technologies = new TechnologyChoices(new Dictionary<string, string>
            {
                ["compute"] = Compute, ["edge"] = Edge, ["database"] = database, ["storage"] = storage,
            }),
            Architecture = new ArchitectureConfig(TenancyModel.MultiTenant, Isolation),
            Deployment = new DeploymentConfig
            {
                Pattern = Pattern,
                Regions = regions,
                Domain = "acme.example.com",
                Kubernetes = Compute == "kubernetes"
                    ? regions.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => new KubernetesClusterConfig($"acme-{x.r}", null, $"acme-{x.r}",
                        $"vpc-0{x.i}a1b2c3d4e5f6078", [$"subnet-0{x.i}a1b2c3d4e5f6071", $"subnet-0{x.i}a1b2c3d4e5f6072", $"subnet-0{x.i}a1b2c3d4e5f6073"], $"sg-0{x.i}a1b2c3d4e5f6079"))
                    : new Dictionary<string, KubernetesClusterConfig>(),
            },
            Compliance = compliance ?? new ComplianceConfig
            {
                Frameworks = [ComplianceFramework.Soc2],
                AuditLog = new AuditLogConfig(true, 365),
                BackupRetentionDays = 14,
            },
            Tenants = Enumerable.Range(1, tenants).Select(n => new TenantConfig
            {
                Id = $"tenant-{n:D5}",
                Name = $"Tenant {n}",
                Slug = $"t{n:D5}",
                Subdomain = $"t{n:D5}",
                CustomDomain = n % 3 == 0 ? $"app.customer{n}.example.net" : null,
                Quotas = new TenantQuotas(MaxStorageGb: 10 + n % 5 * 10),
            }).ToList(),
            Stacks = [new StackConfig { Name = "prod", Instances = 2 }],
        };
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
