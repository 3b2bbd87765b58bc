using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// Prices a synthesized program: each resource through the <see cref="ResourceCatalogue"/> (fixed costs from its
/// properties, usage from the config's <see cref="CostAssumptions"/> at each user count), the services the application
/// calls, free allowances applied account-wide, then totals by category, per-tenant cost and suggestions.
/// Pure and deterministic: the same program, table and users give the same estimate.
/// </summary>
public static class CostEstimator
{
    /// <summary>The user counts priced when none are given.</summary>
    public static IReadOnlyList<long> DefaultUsers { get; } = [1_000, 10_000, 100_000];

    /// <summary>Prices <paramref name="program"/>, the synthesis of stack <paramref name="stackName"/> of <paramref name="config"/>.</summary>
    /// <exception cref="DiagnosticException">A stack region the table does not price (TK4002), located at the config's regions.</exception>
    public static CostEstimate Estimate(ToolkitConfig config, string stackName, PulumiProgram program, PriceTable? table = null, IReadOnlyList<long>? users = null)
    {
        var resolved = config.ResolveStack(stackName);
        return Estimate(new SynthesisContext(resolved.Config, resolved.Stack, resolved.Regions), program, table, users);
    }

    /// <summary>Prices <paramref name="program"/>, synthesized from <paramref name="context"/>.</summary>
    /// <exception cref="DiagnosticException">A stack region the table does not price (TK4002), located at the config's regions.</exception>
    public static CostEstimate Estimate(SynthesisContext context, PulumiProgram program, PriceTable? table = null, IReadOnlyList<long>? users = null)
    {
        table ??= PriceTable.Embedded;
        users ??= DefaultUsers;
        CheckRegions(context, table);
        var tenants = context.Tenants;
        var run = new PricingRun(context, program, table, users, new TenantAttribution(tenants.Select(t => (t.Id, t.Slug))));
        foreach (var resource in program.Resources)
        {
            if (ResourceCatalogue.Pricers.TryGetValue(resource.Type, out var price)) price(run, resource);
            else if (ResourceCatalogue.NoLine.TryGetValue(resource.Type, out var reason)) run.Unpriced(resource.Type, resource.Name, reason);
            else run.Unpriced(resource.Type, resource.Name, "not in the cost catalogue yet (stacks/Cost/ResourceCatalogue.cs)");
        }
        ServicePricers.Add(run);
        var lines = Charge(run);

        var scales = users.Select((u, i) =>
        {
            var byCategory = Enum.GetValues<CostCategory>()
                .Select(c => new KeyValuePair<CostCategory, decimal>(c, lines.Where(l => l.Category == c).Sum(l => l.MonthlyUsd[i])))
                .ToList();
            return new CostScale(u, byCategory.Sum(c => c.Value), byCategory);
        }).ToList();

        var separable = context.Isolation == IsolationLevel.DbPerTenant && context.Config.Architecture.Tenancy == TenancyModel.MultiTenant;
        var perTenant = new List<TenantCost>();
        if (separable)
        {
            var byTenant = lines.Where(l => l.Tenant is not null).GroupBy(l => l.Tenant!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var tenant in tenants)
            {
                var own = byTenant.GetValueOrDefault(tenant.Id) ?? [];
                perTenant.Add(new TenantCost(tenant.Id, users.Select((_, i) => own.Sum(l => l.MonthlyUsd[i])).ToList()));
            }
        }

        var estimate = new CostEstimate
        {
            Project = program.ProjectName,
            Stack = program.StackName,
            Isolation = context.Isolation,
            Users = users,
            Scales = scales,
            Lines = lines,
            Unpriced = run.UnpricedTypes(),
            Suggestions = [],
            Tenants = perTenant,
            TenantCount = tenants.Count,
            PriceTable = table.File,
            Assumptions = run.Assumptions,
        };
        return estimate with { Suggestions = CostSuggestions.For(context, estimate, table) };
    }

    /// <summary>Parses a <c>--users</c> list such as <c>1000,10000,100000</c>.</summary>
    /// <exception cref="DiagnosticException">An item that is not a positive whole number (TK4005).</exception>
    public static IReadOnlyList<long> ParseUsers(string text)
    {
        var users = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var digits = part.Replace("_", "", StringComparison.Ordinal);
            if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 10_000_000_000)
                throw new DiagnosticException(Diagnostic.Error(CostErrorCodes.InvalidUsers,
                    $"--users takes positive whole numbers separated by commas (for example 1000,10000,100000), not '{part}'"));
            users.Add(n);
        }
        return users;
    }

    private static void CheckRegions(SynthesisContext context, PriceTable table)
    {
        var ownRegions = context.Stack.Regions is { Count: > 0 };
        var errors = new List<Diagnostic>();
        for (var i = 0; i < context.Regions.Count; i++)
        {
            var region = context.Regions[i];
            if (table.Covers(region)) continue;
            var path = ownRegions ? $"stacks.{context.Stack.Name}.regions[{i}]" : $"deployment.regions[{i}]";
            errors.Add(Diagnostic.Error(CostErrorCodes.UnknownRegion,
                $"region '{region}' of stack '{context.Stack.Name}' has no prices in {table.File} (it prices {string.Join(", ", table.Regions)}); " +
                "give --prices FILE with that region's rates (docs/cost.md shows the format)",
                context.Config.Source.Find(path)));
        }
        if (errors.Count > 0) throw new DiagnosticException(errors);
    }

    /// <summary>
    /// Computes each line's monthly USD per scale. Free allowances are account-wide, so lines of one item share them in
    /// proportion to their quantity; an item without a figure whose quantity passes its free allowance is unpriced.
    /// </summary>
    private static List<CostLine> Charge(PricingRun run)
    {
        var result = new List<CostLine>(run.Lines.Count);
        foreach (var group in run.Lines.GroupBy(l => l.Price))
        {
            var price = group.Key;
            var lines = group.ToList();
            var totals = run.Users.Select((_, i) => lines.Sum(l => l.Quantity[i])).ToList();
            if (!price.HasPrice && totals.Any(t => t > price.FreeQuantity))
            {
                foreach (var line in lines) run.Unpriced(line.Type, line.Resource, $"beyond the {price.FreeQuantity} free, no verified price for '{price.Id}': {price.Note}");
                continue;
            }
            var usd = price.Usd ?? 0;
            foreach (var line in lines)
                result.Add(line with
                {
                    MonthlyUsd = totals.Select((total, i) => total == 0 || price.FreeQuantity >= total
                        ? 0m
                        : usd * (total - price.FreeQuantity) * line.Quantity[i] / total).ToList(),
                });
        }
        result.Sort((x, y) =>
        {
            var byResource = string.CompareOrdinal(x.Resource, y.Resource);
            return byResource != 0 ? byResource : string.CompareOrdinal(x.Price.Id, y.Price.Id);
        });
        return result;
    }
}
