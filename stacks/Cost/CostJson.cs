using System.Text.Json;
using System.Text.Json.Nodes;
using Toolkit.Core.Serialization;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// The <c>toolkit cost --json</c> document (and the dashboard's <c>/api/cost</c>): <c>scales: [{users, monthlyUsd,
/// byCategory}]</c>, <c>lines: [{resource, type, region, monthlyUsd, price: {usd, unit, source, asOf}}]</c> (monthlyUsd at
/// the first scale, <c>monthlyUsdByScale</c> for all), <c>unpriced: [...]</c>, plus tenants and suggestions. Money is
/// rounded to cents, quantities to four places, keys in a fixed order: the same estimate is the same bytes.
/// </summary>
public static class CostJson
{
    private static readonly JsonSerializerOptions Options = CanonicalJson.CreateOptions();

    /// <summary>The estimate as a JSON object.</summary>
    public static JsonObject ToNode(CostEstimate e)
    {
        var scales = new JsonArray();
        for (var i = 0; i < e.Scales.Count; i++)
        {
            var s = e.Scales[i];
            var byCategory = new JsonObject();
            var percent = new JsonObject();
            foreach (var (category, usd) in s.ByCategory)
            {
                byCategory[Name(category)] = Money(usd);
                percent[Name(category)] = Math.Round(s.Percent(category), 1, MidpointRounding.AwayFromZero);
            }
            var scale = new JsonObject
            {
                ["users"] = s.Users,
                ["monthlyUsd"] = Money(s.MonthlyUsd),
                ["byCategory"] = byCategory,
                ["byCategoryPercent"] = percent,
                ["perTenantAverageUsd"] = e.TenantCount == 0 ? null : Money(s.MonthlyUsd / e.TenantCount),
            };
            if (e.TenantsSeparable)
                scale["perTenant"] = new JsonArray(e.Tenants.Select(t => (JsonNode)new JsonObject
                {
                    ["tenant"] = t.Tenant,
                    ["dedicatedUsd"] = Money(t.DedicatedUsd[i]),
                }).ToArray());
            scales.Add(scale);
        }
        return new JsonObject
        {
            ["project"] = e.Project,
            ["stack"] = e.Stack,
            ["isolation"] = JsonSerializer.SerializeToNode(e.Isolation, Options),
            ["priceTable"] = e.PriceTable,
            ["tenantsSeparable"] = e.TenantsSeparable,
            ["scales"] = scales,
            ["lines"] = new JsonArray(e.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["resource"] = l.Resource,
                ["type"] = l.Type,
                ["region"] = l.Region,
                ["category"] = Name(l.Category),
                ["tenant"] = l.Tenant,
                ["item"] = l.Price.Id,
                ["quantity"] = Math.Round(l.Quantity[0], 4, MidpointRounding.AwayFromZero),
                ["basis"] = l.Basis,
                ["monthlyUsd"] = Money(l.MonthlyUsd[0]),
                ["monthlyUsdByScale"] = new JsonArray(l.MonthlyUsd.Select(m => (JsonNode)JsonValue.Create(Money(m))).ToArray()),
                ["price"] = new JsonObject
                {
                    ["usd"] = l.Price.Usd,
                    ["unit"] = l.Price.Unit,
                    ["source"] = l.Price.Source,
                    ["asOf"] = l.Price.AsOf,
                },
            }).ToArray()),
            ["unpriced"] = new JsonArray(e.Unpriced.Select(u => (JsonNode)new JsonObject
            {
                ["type"] = u.Type,
                ["count"] = u.Count,
                ["reason"] = u.Reason,
                ["examples"] = new JsonArray(u.Examples.Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
            }).ToArray()),
            ["suggestions"] = new JsonArray(e.Suggestions.Select(s => (JsonNode)new JsonObject
            {
                ["code"] = s.Code,
                ["message"] = s.Message,
                ["monthlySavingsUsd"] = Money(s.MonthlySavingsUsd),
            }).ToArray()),
            ["assumptions"] = JsonSerializer.SerializeToNode(e.Assumptions, Options),
        };
    }

    /// <summary>The estimate as indented JSON text ending in a newline.</summary>
    public static string Serialize(CostEstimate e) => ToNode(e).ToJsonString(Options) + "\n";

    /// <summary>The JSON name of a category (<c>compute</c>...).</summary>
    public static string Name(CostCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>Rounded to cents, half away from zero.</summary>
    public static decimal Money(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero);
}
