using Toolkit.Stacks.Configuration;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// One priced quantity: a resource (or a usage the application makes, named <c>(usage) ...</c>) times one price item.
/// <see cref="Quantity"/> and <see cref="MonthlyUsd"/> hold one value per scale, in the order of <see cref="CostEstimate.Users"/>;
/// fixed costs repeat the same value. <see cref="Tenant"/> names the tenant a dedicated resource belongs to.
/// </summary>
public sealed record CostLine(
    string Resource,
    string Type,
    string Region,
    CostCategory Category,
    PriceItem Price,
    IReadOnlyList<decimal> Quantity,
    IReadOnlyList<decimal> MonthlyUsd,
    string Basis,
    string? Tenant = null);

/// <summary>Resources of one type the estimate does not price, how many, and why.</summary>
public sealed record UnpricedType(string Type, int Count, string Reason, IReadOnlyList<string> Examples);

/// <summary>A cheaper equivalent: what to change and what it saves a month at the first scale.</summary>
public sealed record CostSuggestion(string Code, string Message, decimal MonthlySavingsUsd);

/// <summary>One tenant's dedicated resources (db-per-tenant clusters, keys, namespaces) per scale.</summary>
public sealed record TenantCost(string Tenant, IReadOnlyList<decimal> DedicatedUsd);

/// <summary>The monthly total and its split by category at one user count.</summary>
public sealed record CostScale(long Users, decimal MonthlyUsd, IReadOnlyList<KeyValuePair<CostCategory, decimal>> ByCategory)
{
    /// <summary>The share of <paramref name="category"/> in percent (0 when the total is 0).</summary>
    public decimal Percent(CostCategory category) =>
        MonthlyUsd == 0 ? 0 : ByCategory.First(c => c.Key == category).Value * 100 / MonthlyUsd;
}

/// <summary>
/// What a synthesized stack costs a month at each user count: totals by category, every priced line, every type left
/// unpriced (with why), per-tenant dedicated cost where the isolation level separates tenants, and suggestions.
/// </summary>
public sealed record CostEstimate
{
    /// <summary>Project slug.</summary>
    public required string Project { get; init; }

    /// <summary>Stack name.</summary>
    public required string Stack { get; init; }

    /// <summary>Isolation level (per-tenant cost is separable for db-per-tenant only).</summary>
    public required IsolationLevel Isolation { get; init; }

    /// <summary>The user counts priced, in order.</summary>
    public required IReadOnlyList<long> Users { get; init; }

    /// <summary>One entry per user count.</summary>
    public required IReadOnlyList<CostScale> Scales { get; init; }

    /// <summary>Priced lines, sorted by resource then item.</summary>
    public required IReadOnlyList<CostLine> Lines { get; init; }

    /// <summary>Types left unpriced, sorted by type.</summary>
    public required IReadOnlyList<UnpricedType> Unpriced { get; init; }

    /// <summary>Cheaper equivalents, largest saving first.</summary>
    public required IReadOnlyList<CostSuggestion> Suggestions { get; init; }

    /// <summary>Tenants in config order with their dedicated cost (empty when not separable).</summary>
    public required IReadOnlyList<TenantCost> Tenants { get; init; }

    /// <summary>Tenants that get resources (the per-tenant average divides by this).</summary>
    public required int TenantCount { get; init; }

    /// <summary>Where the prices came from.</summary>
    public required string PriceTable { get; init; }

    /// <summary>The assumptions the usage lines were computed from.</summary>
    public required CostAssumptions Assumptions { get; init; }

    /// <summary>Monthly total at the first scale.</summary>
    public decimal FirstMonthlyUsd => Scales.Count == 0 ? 0 : Scales[0].MonthlyUsd;

    /// <summary>True when tenants' dedicated resources are priced one by one (db-per-tenant).</summary>
    public bool TenantsSeparable => Tenants.Count > 0;
}
