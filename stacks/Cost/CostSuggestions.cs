using System.Globalization;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// Cheaper equivalents found in an estimate, each with what it saves a month at the first scale (from the same
/// price table): Graviton Fargate and database classes, fewer NAT gateways and database instances outside production,
/// and a pointer to shared isolation when per-tenant databases dominate.
/// </summary>
internal static class CostSuggestions
{
    private static readonly (string From, string To)[] GravitonClasses =
        [("db.r5.", "db.r6g."), ("db.r6i.", "db.r6g."), ("db.m5.", "db.m6g."), ("db.m6i.", "db.m6g."), ("db.t3.", "db.t4g.")];

    public static IReadOnlyList<CostSuggestion> For(SynthesisContext context, CostEstimate estimate, PriceTable table)
    {
        var found = new List<CostSuggestion>();
        var first = estimate.Scales.Count == 0 ? 0 : estimate.Scales[0].MonthlyUsd;
        string Usd(decimal v) => v.ToString("N2", CultureInfo.InvariantCulture);

        // Fargate on Graviton: the same vCPU and memory at the Linux/ARM rates.
        var x86 = estimate.Lines.Where(l => l.Price.Id is "aws.fargate.vcpu-hour" or "aws.fargate.gb-hour").ToList();
        var armSaving = 0m;
        foreach (var line in x86)
            if (table.Find(line.Price.Id.Replace("aws.fargate.", "aws.fargate-arm.", StringComparison.Ordinal), line.Region) is { Usd: { } arm })
                armSaving += line.MonthlyUsd[0] - line.Quantity[0] * arm;
        if (armSaving > 0)
            found.Add(new CostSuggestion("graviton-fargate",
                $"Run the ECS tasks on Graviton (task definition runtimePlatform.cpuArchitecture: ARM64, an arm64 image): the same vCPU and memory cost ${Usd(armSaving)}/month less.",
                armSaving));

        // Database instances outside the Graviton families.
        var dbSaving = 0m;
        var classes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in estimate.Lines.Where(l => l.Type == "aws:rds/clusterInstance:ClusterInstance"))
        {
            var id = line.Price.Id;
            foreach (var (from, to) in GravitonClasses)
                if (id.Contains(from, StringComparison.Ordinal) && table.Find(id.Replace(from, to, StringComparison.Ordinal), line.Region) is { Usd: { } g })
                {
                    dbSaving += line.MonthlyUsd[0] - line.Quantity[0] * g;
                    classes.Add(id[(id.IndexOf(from, StringComparison.Ordinal))..] + " -> " + id[(id.IndexOf(from, StringComparison.Ordinal))..].Replace(from, to, StringComparison.Ordinal));
                }
        }
        if (dbSaving > 0)
            found.Add(new CostSuggestion("graviton-database", $"Use Graviton database classes ({string.Join(", ", classes)}): ${Usd(dbSaving)}/month less.", dbSaving));

        var production = context.Stack.Name.Contains("prod", StringComparison.OrdinalIgnoreCase);
        var nats = estimate.Lines.Where(l => l.Price.Id == "aws.nat-gateway.hour").ToList();
        if (!production && nats.Count > 1)
        {
            var saving = nats.Skip(1).Sum(l => l.MonthlyUsd[0]);
            found.Add(new CostSuggestion("fewer-nat-gateways",
                $"Stack '{context.Stack.Name}' runs {nats.Count} NAT gateways (one per region); deployed to one region it needs one: ${Usd(saving)}/month less in NAT hours alone.",
                saving));
        }

        if (!production && context.Config.Compliance.Frameworks.Count == 0)
        {
            var instances = estimate.Lines.Where(l => l.Type == "aws:rds/clusterInstance:ClusterInstance").GroupBy(l => l.Resource[..l.Resource.LastIndexOf('-')]).Where(g => g.Count() > 1).ToList();
            var saving = instances.Sum(g => g.Skip(1).Sum(l => l.MonthlyUsd[0]));
            if (saving > 0)
                found.Add(new CostSuggestion("fewer-database-instances",
                    $"Stack '{context.Stack.Name}' gives each database cluster a reader; with no compliance framework in force one writer per cluster is enough outside production: ${Usd(saving)}/month less.",
                    saving));
        }

        if (estimate.TenantsSeparable && first > 0)
        {
            var dedicated = estimate.Tenants.Sum(t => t.DedicatedUsd[0]);
            var share = dedicated * 100 / first;
            if (share >= 30)
                found.Add(new CostSuggestion("shared-isolation",
                    $"Tenants' own databases are ${Usd(dedicated)}/month ({share.ToString("F0", CultureInfo.InvariantCulture)}% of the total); schema-per-tenant or rls shares one cluster. Compare: toolkit cost --compare OTHER.yaml with that isolation.",
                    0));
        }
        return found.OrderByDescending(s => s.MonthlySavingsUsd).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
    }
}
