using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Cost;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Cost.Tests;

/// <summary>The estimate from real synthesized programs: a hand-worked total, isolation and scale ordering, coverage of every type.</summary>
public sealed class CostEstimateSpecs
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static CostEstimate Estimate(ToolkitConfig config, string stack, PriceTable? table = null, IReadOnlyList<long>? users = null)
    {
        var result = new StackSynthesizer().Synthesize(config, stack);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return CostEstimator.Estimate(config, stack, result.Program!, table, users);
    }

    [Fact]
    public void Small_stack_matches_the_hand_computed_total()
    {
        var config = ConfigLoader.Load(Fixture("small.yaml"));
        var e = Estimate(config, "dev", PriceTableReader.Load(Fixture("prices.yaml")), [1000]);

        // Worked by hand from Fixtures/prices.yaml and small.yaml's costAssumptions, 1,000 users, 730 h:
        // compute:  2 tasks x 0.5 vCPU x 730 x 0.04 = 29.20; 2 x 1 GB x 730 x 0.004 = 5.84           -> 35.04
        // database: 2 x db.t4g.medium x 730 x 0.1 = 146.00; 1,000 x 0.1 GB x 0.1 = 10.00;
        //           1,000 x 1,000 requests x 10 I/O = 10 M x 0.2 = 2.00                                -> 158.00
        // network:  ALB 730 x 0.02 = 14.60; LCU max(1,000 GB, 1 M / 90,000) = 1,000 x 0.01 = 10.00;
        //           egress 1,000 GB x 0.09 = 90.00; NAT, one per zone: 3 x 730 x 0.05 = 109.50, and the
        //           100 GB they share x 0.05 = 5.00; their addresses 3 x 730 x 0.005 = 10.95              -> 240.05
        // storage:  1,000 GB x 0.02 = 20.00; 1 M requests x 0.01 writes = 0.01 M PUT x 5 = 0.05        -> 20.05
        // security: the database secret 0.40; the ANTHROPIC_API_KEY slot (ai: anthropic) 0.40          -> 0.80
        // observability: 1 M requests x 1 KB = 1 GB x 0.5 = 0.50; kept 30 days: 1 GB x 0.03 = 0.03     -> 0.53
        //           (the database's and the rotation function's own log groups are listed as unpriced)
        // edge:     health check 0.50 (the hosted zone is looked up, not created)                     -> 0.50
        // services: 10 M input tokens x 3 = 30.00; 1 M output tokens x 15 = 15.00                      -> 45.00
        var expected = new Dictionary<CostCategory, decimal>
        {
            [CostCategory.Compute] = 35.04m, [CostCategory.Database] = 158.00m, [CostCategory.Network] = 240.05m,
            [CostCategory.Storage] = 20.05m, [CostCategory.Security] = 0.80m, [CostCategory.Observability] = 0.53m,
            [CostCategory.Edge] = 0.50m, [CostCategory.Services] = 45.00m,
        };
        var scale = Assert.Single(e.Scales);
        foreach (var (category, usd) in scale.ByCategory) Assert.Equal(expected[category], CostJson.Money(usd));
        Assert.Equal(499.97m, CostJson.Money(scale.MonthlyUsd));
        Assert.Contains(e.Lines, l => l.Resource == "main-us-east-1-0" && l.Price.Id == "aws.aurora-postgresql.db.t4g.medium" && l.Price.Source == "https://example.com/aurora");
        Assert.False(e.TenantsSeparable);
    }

    [Fact]
    public void Db_per_tenant_with_20_tenants_costs_more_than_rls_with_20()
    {
        var rls = new Combination(DeploymentPattern.SingleRegion, IsolationLevel.Rls, "aws-ecs", "cloudflare");
        var dedicated = rls with { Isolation = IsolationLevel.DbPerTenant };
        var shared = Estimate(rls.SampleConfig(20), "prod");
        var own = Estimate(dedicated.SampleConfig(20), "prod");
        for (var i = 0; i < shared.Scales.Count; i++)
            Assert.True(own.Scales[i].MonthlyUsd > shared.Scales[i].MonthlyUsd * 2,
                $"{own.Users[i]} users: db-per-tenant {own.Scales[i].MonthlyUsd:F2} vs rls {shared.Scales[i].MonthlyUsd:F2}");
        // Per-tenant cost is separable only with db-per-tenant: every tenant has its own cluster instances and key.
        Assert.True(own.TenantsSeparable);
        Assert.Equal(20, own.Tenants.Count);
        Assert.All(own.Tenants, t => Assert.True(t.DedicatedUsd[0] > 100, $"{t.Tenant}: {t.DedicatedUsd[0]}"));
        Assert.False(shared.TenantsSeparable);
        Assert.Contains(own.Suggestions, s => s.Code == "shared-isolation");
    }

    [Fact]
    public void Totals_grow_with_users()
    {
        var config = new Combination(DeploymentPattern.BlueGreen, IsolationLevel.SchemaPerTenant, "aws-ecs", "aws").SampleConfig(5, ["us-east-1", "us-east-2"]);
        var e = Estimate(config, "prod", users: [100, 1_000, 10_000, 100_000]);
        for (var i = 1; i < e.Scales.Count; i++) Assert.True(e.Scales[i].MonthlyUsd > e.Scales[i - 1].MonthlyUsd);
        // Fixed costs stay, usage grows: the compute line is the same at every scale, egress is not.
        var compute = e.Lines.First(l => l.Price.Id == "aws.fargate.vcpu-hour");
        Assert.All(compute.MonthlyUsd, m => Assert.Equal(compute.MonthlyUsd[0], m));
        var egress = e.Lines.First(l => l.Price.Id == "aws.data-transfer-out.gb");
        Assert.Equal(egress.MonthlyUsd[0] * 1000, egress.MonthlyUsd[3]);
    }

    [Fact]
    public void Every_type_any_stack_shape_emits_is_priced_or_has_a_reason()
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var combination in Combination.All)
        {
            var config = combination.SampleConfig(4, combination.Pattern == DeploymentPattern.SingleRegion ? ["us-east-1"] : ["us-east-1", "us-east-2"]);
            foreach (var storage in new[] { "s3", "r2" })
            {
                var e = Estimate(config with { Technologies = new TechnologyChoices(new Dictionary<string, string>(config.Technologies.ByCategory)
                {
                    ["storage"] = storage,
                    // The services the stacks provision (and a slot for one the user brings) add types of their own.
                    ["cache"] = "redis", ["email"] = "aws-ses", ["auth"] = "aws-cognito", ["ai"] = "aws-bedrock", ["errorTracking"] = "sentry",
                }) }, "prod");
                foreach (var u in e.Unpriced.Where(u => u.Reason.StartsWith("not in the cost catalogue", StringComparison.Ordinal))) unknown.Add($"{combination}: {u.Type}");
                Assert.True(e.FirstMonthlyUsd > 0, combination.Id);
            }
        }
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_same_program_gives_byte_identical_json()
    {
        var config = ConfigLoader.Load(Path.Combine(Toolkit.Testing.RepositoryRoot.Path, "examples", "toolkit.yaml"));
        Assert.Equal(CostJson.Serialize(Estimate(config, "prod")), CostJson.Serialize(Estimate(config, "prod")));
    }

    [Fact]
    public void A_stack_region_the_table_does_not_price_is_an_error_at_the_configs_region()
    {
        var config = ConfigLoader.Load(Path.Combine(Toolkit.Testing.RepositoryRoot.Path, "examples", "kubernetes-multi-region.yaml"));
        const string stack = "dev"; // its own regions: [eu-north-1], so the error points at the stack's line
        var program = new StackSynthesizer().Synthesize(config, stack).Program!;
        var error = Assert.Throws<Toolkit.Core.Diagnostics.DiagnosticException>(() => CostEstimator.Estimate(config, stack, program));
        var first = error.Diagnostics[0];
        Assert.Equal(CostErrorCodes.UnknownRegion, first.Code);
        Assert.Contains("'eu-north-1'", first.Message);
        Assert.EndsWith("kubernetes-multi-region.yaml", first.Location!.File);
        Assert.Equal(File.ReadAllLines(config.Source.File).ToList().FindIndex(l => l.Contains("regions: [eu-north-1]")) + 1, first.Location.Line);
    }

    [Fact]
    public void Free_allowances_are_shared_account_wide()
    {
        // R2 gives 10 GB-month free: 20 users x 0.2 GB = 4 GB is free, 1,000 users x 0.2 GB = 200 GB pays for 190.
        var config = new Combination(DeploymentPattern.SingleRegion, IsolationLevel.Rls, "aws-ecs", "cloudflare").SampleConfig(3, storage: "r2");
        var e = Estimate(config, "prod", users: [20, 1000]);
        var storage = e.Lines.Single(l => l.Price.Id == "cloudflare.r2.storage-gb-month");
        Assert.Equal(0m, storage.MonthlyUsd[0]);
        Assert.Equal(190m * 0.015m, storage.MonthlyUsd[1]);
    }
}
