using System.Globalization;
using System.Text;

namespace Toolkit.Stacks.Cost;

/// <summary>The plain-text cost report (<c>toolkit cost</c> without <c>--json</c>), and the side-by-side of <c>--compare</c>.</summary>
public static class CostText
{
    private const int LargestLines = 12;

    /// <summary>Totals by category per scale, the largest lines, per-tenant cost, unpriced types and suggestions.</summary>
    public static string Report(CostEstimate e)
    {
        var t = new StringBuilder();
        t.Append($"{e.Project}/{e.Stack}: estimated monthly cost in USD (on-demand list prices from {e.PriceTable})\n\n");
        t.Append(Pad("", 16));
        foreach (var s in e.Scales) t.Append(Left($"{Count(s.Users)} users", 20));
        t.Append('\n');
        foreach (var category in Enum.GetValues<CostCategory>())
        {
            t.Append(Pad("  " + CostJson.Name(category), 16));
            foreach (var s in e.Scales)
                t.Append(Left($"{Usd(s.ByCategory.First(c => c.Key == category).Value)} {s.Percent(category).ToString("F0", CultureInfo.InvariantCulture),3}%", 20));
            t.Append('\n');
        }
        t.Append(Pad("  total", 16));
        foreach (var s in e.Scales) t.Append(Left(Usd(s.MonthlyUsd) + "     ", 20));
        t.Append('\n');
        if (e.TenantCount > 0)
        {
            t.Append(Pad("  per tenant", 16));
            foreach (var s in e.Scales) t.Append(Left(Usd(s.MonthlyUsd / e.TenantCount) + "     ", 20));
            t.Append($"\n  ({e.TenantCount} tenants; {(e.TenantsSeparable ? "dedicated resources below" : $"{Words(e.Isolation)} shares the database, so this is an average")})\n");
        }

        t.Append($"\nLargest lines at {Count(e.Users[0])} users:\n");
        foreach (var l in e.Lines.OrderByDescending(l => l.MonthlyUsd[0]).ThenBy(l => l.Resource, StringComparer.Ordinal).Take(LargestLines))
            t.Append($"  {Left(Usd(l.MonthlyUsd[0]), 11)}  {l.Resource} ({l.Price.Id}): {l.Basis}, {Quantity(l.Quantity[0])} x ${l.Price.Usd?.ToString(CultureInfo.InvariantCulture)}/{l.Price.Unit}\n");
        if (e.Lines.Count > LargestLines) t.Append($"  ... {e.Lines.Count - LargestLines} more lines (--json lists all, with sources)\n");

        if (e.TenantsSeparable)
        {
            t.Append("\nDedicated cost per tenant (its database clusters, keys, secrets, DNS):\n");
            foreach (var tenant in e.Tenants.OrderByDescending(x => x.DedicatedUsd[0]).ThenBy(x => x.Tenant, StringComparer.Ordinal).Take(20))
            {
                t.Append($"  {Pad(tenant.Tenant, 24)}");
                foreach (var usd in tenant.DedicatedUsd) t.Append(Left(Usd(usd), 14));
                t.Append('\n');
            }
            if (e.Tenants.Count > 20) t.Append($"  ... {e.Tenants.Count - 20} more tenants\n");
        }

        var charged = e.Unpriced.Where(u => !u.Reason.StartsWith("no charge", StringComparison.Ordinal) && !u.Reason.StartsWith("no line of its own", StringComparison.Ordinal)).ToList();
        var free = e.Unpriced.Count - charged.Count;
        t.Append($"\nNot priced ({charged.Count} kinds; {free} more types have no charge of their own or are paid for by another line; --json lists them):\n");
        foreach (var u in charged) t.Append($"  {u.Type} x{u.Count}: {u.Reason}\n");
        if (charged.Count == 0) t.Append("  (none)\n");

        if (e.Suggestions.Count > 0)
        {
            t.Append("\nSuggestions:\n");
            foreach (var s in e.Suggestions) t.Append($"  - {s.Message}\n");
        }
        t.Append($"\nAssumptions per user and month: {e.Assumptions.RequestsPerUser} requests, {e.Assumptions.EgressGbPerUser} GB egress, " +
                 $"{e.Assumptions.StorageGbPerUser} GB stored, {e.Assumptions.EmailsPerUser} emails, {e.Assumptions.AiRequestsPerUser} AI requests " +
                 "(costAssumptions: in toolkit.yaml overrides them; docs/cost.md).\n");
        return t.ToString();
    }

    /// <summary>Two estimates side by side: each scale's categories and total for A, B and B - A.</summary>
    public static string Compare(CostEstimate a, string aName, CostEstimate b, string bName)
    {
        var t = new StringBuilder();
        t.Append($"Monthly cost in USD: A = {aName} ({a.Project}/{a.Stack}, {Words(a.Isolation)}), B = {bName} ({b.Project}/{b.Stack}, {Words(b.Isolation)})\n");
        for (var i = 0; i < a.Scales.Count && i < b.Scales.Count; i++)
        {
            var (sa, sb) = (a.Scales[i], b.Scales[i]);
            t.Append($"\n{Count(sa.Users)} users{Left("A", 12)}{Left("B", 14)}{Left("B - A", 14)}\n");
            foreach (var category in Enum.GetValues<CostCategory>())
            {
                var va = sa.ByCategory.First(c => c.Key == category).Value;
                var vb = sb.ByCategory.First(c => c.Key == category).Value;
                t.Append($"  {Pad(CostJson.Name(category), 14)}{Left(Usd(va), 14)}{Left(Usd(vb), 14)}{Left(Signed(vb - va), 14)}\n");
            }
            t.Append($"  {Pad("total", 14)}{Left(Usd(sa.MonthlyUsd), 14)}{Left(Usd(sb.MonthlyUsd), 14)}{Left(Signed(sb.MonthlyUsd - sa.MonthlyUsd), 14)}\n");
        }
        return t.ToString();
    }

    /// <summary>Dollars with thousands separators and cents.</summary>
    public static string Usd(decimal usd) => "$" + CostJson.Money(usd).ToString("N2", CultureInfo.InvariantCulture);

    private static string Signed(decimal usd) => (usd < 0 ? "-" : "+") + Usd(Math.Abs(usd));

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Quantity(decimal q) => Math.Round(q, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture);

    // The word toolkit.yaml and the JSON use (schema-per-tenant).
    private static string Words(Configuration.IsolationLevel level) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(level.ToString());

    private static string Pad(string s, int width) => s.PadRight(width);

    private static string Left(string s, int width) => s.PadLeft(width);
}
