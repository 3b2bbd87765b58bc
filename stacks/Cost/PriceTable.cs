namespace Toolkit.Stacks.Cost;

/// <summary>
/// One billed item of the price table: what is counted (<see cref="Unit"/>), its USD price per unit (null when no
/// public figure was found), the regions it applies to (<c>global</c> for providers without regions), the page it was
/// read from and when. <see cref="FreeQuantity"/> units a month are free (R2's 10 GB-month, Cloudflare's first 100 hostnames).
/// </summary>
public sealed record PriceItem(
    string Id,
    string Unit,
    decimal? Usd,
    IReadOnlyList<string> Regions,
    string Source,
    string AsOf,
    string Note,
    decimal FreeQuantity = 0,
    string? DerivedFrom = null)
{
    /// <summary>True when the table carries a figure for this item.</summary>
    public bool HasPrice => Usd is not null;
}

/// <summary>
/// The prices a cost estimate is computed from: the built-in table (<c>stacks/Cost/prices.yaml</c>, public list prices
/// with their sources) or a user's own (<c>--prices FILE</c>). Lookups are by item id and region.
/// </summary>
public sealed class PriceTable
{
    /// <summary>Region name of items that belong to no region (Cloudflare, Anthropic, Route 53).</summary>
    public const string Global = "global";

    private readonly Dictionary<(string Id, string Region), PriceItem> _byKey;

    /// <summary>A table of <paramref name="items"/> covering <paramref name="regions"/>; <paramref name="file"/> names it in messages.</summary>
    public PriceTable(string file, decimal hoursPerMonth, IReadOnlyList<string> regions, IReadOnlyList<PriceItem> items)
    {
        File = file;
        HoursPerMonth = hoursPerMonth;
        Regions = regions;
        Items = items;
        _byKey = new Dictionary<(string, string), PriceItem>();
        foreach (var item in items)
            foreach (var region in item.Regions)
                _byKey[(item.Id, region)] = item;
    }

    /// <summary>The built-in table, read once from the assembly.</summary>
    public static PriceTable Embedded => EmbeddedTable.Value;

    private static readonly Lazy<PriceTable> EmbeddedTable = new(() =>
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("Toolkit.Stacks.Data.prices.yaml")
            ?? throw new InvalidOperationException("The built-in price table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return PriceTableReader.Parse(reader.ReadToEnd(), "stacks/Cost/prices.yaml");
    });

    /// <summary>Where the table was read from (for messages and the report).</summary>
    public string File { get; }

    /// <summary>Hours a month of always-on resources are billed for (730).</summary>
    public decimal HoursPerMonth { get; }

    /// <summary>AWS regions the table prices (a stack elsewhere is refused, by name).</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>Every item, in file order.</summary>
    public IReadOnlyList<PriceItem> Items { get; }

    /// <summary>The item <paramref name="id"/> in <paramref name="region"/>, or null.</summary>
    public PriceItem? Find(string id, string region) => _byKey.GetValueOrDefault((id, region));

    /// <summary>True when <paramref name="region"/> is priced (or is <see cref="Global"/>).</summary>
    public bool Covers(string region) => region == Global || Regions.Contains(region, StringComparer.Ordinal);
}
