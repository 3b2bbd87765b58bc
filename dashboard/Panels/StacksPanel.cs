using System.Text.Json.Nodes;
using Toolkit.Core.Diagnostics;
using Toolkit.Promotion.State;
using Toolkit.Stacks.Cost;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Dashboard.Panels;

/// <summary>Per stack: the resource tree by provider and region with counts (what preview shows), the pattern, blue-green weights and the monthly cost.</summary>
public static class StacksPanel
{
    public static JsonNode Build(PlatformSnapshot snapshot)
    {
        var (config, errors, stacks) = snapshot.Current();
        if (config is null) return Panel.Errors(errors);
        var list = new JsonArray();
        foreach (var s in stacks)
        {
            var stack = new JsonObject
            {
                ["name"] = s.Stack.Name,
                ["pattern"] = Panel.Kebab(config.Deployment.Pattern.ToString()),
                ["isolation"] = Panel.Kebab(s.Context.Isolation.ToString()),
                ["regions"] = new JsonArray(s.Context.Regions.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
                ["instances"] = s.Stack.Instances,
                ["databaseInstanceClass"] = s.Stack.DatabaseInstanceClass,
            };
            if (!s.Result.Succeeded)
            {
                stack["errors"] = new JsonArray(s.Result.Diagnostics.Where(d => d.Severity != Severity.Info).Select(d => (JsonNode)JsonValue.Create(d.ToString())).ToArray());
                list.Add(stack);
                continue;
            }
            var summary = ProgramSummary.Of(s.Result.Program!);
            stack["resources"] = summary.Total;
            stack["providers"] = new JsonArray(summary.Providers.Select(p => (JsonNode)new JsonObject
            {
                ["provider"] = p.Provider,
                ["total"] = p.Total,
                ["regions"] = new JsonArray(p.Regions.Select(r => (JsonNode)new JsonObject
                {
                    ["region"] = r.Region,
                    ["total"] = r.Total,
                    ["types"] = new JsonArray(r.Types.Select(t => (JsonNode)new JsonObject { ["type"] = t.Type, ["count"] = t.Count }).ToArray()),
                }).ToArray()),
            }).ToArray());
            if (s.Context.IsBlueGreen)
            {
                var state = new PromotionStateStore(Path.Combine(snapshot.Directory, ".toolkit", $"promotion.{s.Stack.Name}.json")).Load();
                var green = state?.GreenPercent ?? 0;
                stack["weights"] = new JsonObject { ["blue"] = 100 - green, ["green"] = green, ["from"] = state is null ? "default (no promotion yet)" : "promotion state" };
            }
            try
            {
                var estimate = CostEstimator.Estimate(s.Context, s.Result.Program!, users: [1_000, 10_000, 100_000]);
                stack["cost"] = new JsonObject
                {
                    ["scales"] = new JsonArray(estimate.Scales.Select(x => (JsonNode)new JsonObject { ["users"] = x.Users, ["monthlyUsd"] = CostJson.Money(x.MonthlyUsd) }).ToArray()),
                    ["priceTable"] = estimate.PriceTable,
                };
            }
            catch (DiagnosticException e)
            {
                stack["cost"] = new JsonObject { ["error"] = e.Diagnostics[0].Message };
            }
            list.Add(stack);
        }
        return new JsonObject { ["project"] = config.Project.Slug, ["stacks"] = list };
    }
}
