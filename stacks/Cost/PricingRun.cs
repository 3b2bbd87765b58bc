using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// The state of one estimate while resources are priced: the program (to follow references), the table, the
/// assumptions, the user counts, and the lines and unpriced resources found so far. Pricers add to it.
/// </summary>
internal sealed class PricingRun
{
    private readonly Dictionary<string, Resource> _byName;
    private readonly Dictionary<(string Type, string Reason), List<string>> _unpriced = [];

    public PricingRun(SynthesisContext context, PulumiProgram program, PriceTable table, IReadOnlyList<long> users, TenantAttribution tenants)
    {
        Context = context;
        Program = program;
        Table = table;
        Users = users;
        Tenants = tenants;
        _byName = new Dictionary<string, Resource>(program.Resources.Count, StringComparer.Ordinal);
        foreach (var r in program.Resources) _byName[r.Name] = r;
        var trafficRegions = program.Resources.Where(r => r.Type is "aws:lb/loadBalancer:LoadBalancer" or "kubernetes:core/v1:Service" && r.Region is not null)
            .Select(r => r.Region!).Distinct().Count();
        RegionShare = 1m / Math.Max(1, trafficRegions);
        DatabaseCount = program.Resources.Count(r => r.Type == "aws:rds/cluster:Cluster" && r["databaseName"] is not null);
        foreach (var lifecycle in program.Resources.Where(r => r.Type == "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"))
            if (Referenced(lifecycle["bucket"]) is { } bucket) RetentionBuckets.Add(bucket.Name);
        AppBucketCount = program.Resources.Count(r => r.Type == "aws:s3/bucket:Bucket" && !RetentionBuckets.Contains(r.Name));
        foreach (var nat in program.Resources.Where(r => r.Type == "aws:ec2/natGateway:NatGateway"))
            _natGateways[RegionOf(nat)] = _natGateways.GetValueOrDefault(RegionOf(nat)) + 1;
    }

    private readonly Dictionary<string, int> _natGateways = new(StringComparer.Ordinal);

    /// <summary>NAT gateways in <paramref name="region"/> (one per availability zone), which share its outbound traffic.</summary>
    public int NatGatewaysIn(string region) => _natGateways.GetValueOrDefault(region);

    /// <summary>Databases (writer clusters) the data is spread over: one shared, or one per tenant.</summary>
    public int DatabaseCount { get; }

    /// <summary>Buckets with an expiration rule (audit trails), which hold logs rather than the application's objects.</summary>
    public HashSet<string> RetentionBuckets { get; } = new(StringComparer.Ordinal);

    /// <summary>Buckets the application's objects are spread over.</summary>
    public int AppBucketCount { get; }

    public SynthesisContext Context { get; }

    public PulumiProgram Program { get; }

    public PriceTable Table { get; }

    public IReadOnlyList<long> Users { get; }

    public TenantAttribution Tenants { get; }

    public CostAssumptions Assumptions => Context.Config.CostAssumptions;

    /// <summary>The share of the users each serving region takes (traffic is split evenly across regions).</summary>
    public decimal RegionShare { get; }

    public List<CostLine> Lines { get; } = [];

    public decimal Hours => Table.HoursPerMonth;

    /// <summary>The resource a <c>${name.output}</c> reference points at, or null.</summary>
    public Resource? Referenced(Value? value)
    {
        if (value is not Interpolation { IsSingleReference: true } reference) return null;
        var inner = reference.Template[2..^1];
        var dot = inner.IndexOf('.');
        return _byName.GetValueOrDefault(dot < 0 ? inner : inner[..dot]);
    }

    /// <summary>The region label of <paramref name="resource"/> (<c>global</c> when it has none).</summary>
    public static string RegionOf(Resource resource) => resource.Region ?? PriceTable.Global;

    /// <summary>Adds a line of the same quantity at every scale.</summary>
    public void Fixed(Resource resource, CostCategory category, string item, decimal quantity, string basis, string? region = null) =>
        Usage(resource.Name, resource.Type, region ?? RegionOf(resource), category, item, _ => quantity, basis, Tenants.Of(resource.Name));

    /// <summary>Adds a line whose quantity depends on the user count.</summary>
    public void Usage(Resource resource, CostCategory category, string item, Func<decimal, decimal> quantity, string basis, string? region = null) =>
        Usage(resource.Name, resource.Type, region ?? RegionOf(resource), category, item, quantity, basis, Tenants.Of(resource.Name));

    /// <summary>Adds a line for <paramref name="name"/> (a resource or a usage) priced by <paramref name="item"/>; unpriced when the table has no figure.</summary>
    public void Usage(string name, string type, string region, CostCategory category, string item, Func<decimal, decimal> quantity, string basis, string? tenant = null)
    {
        var price = Table.Find(item, region);
        if (price is null)
        {
            Unpriced(type, name, $"the price table has no '{item}' for {region}");
            return;
        }
        var quantities = Users.Select(u => quantity(u)).ToList();
        if (!price.HasPrice && quantities.Any(q => q > price.FreeQuantity))
        {
            Unpriced(type, name, $"no verified price for '{item}': {price.Note}");
            return;
        }
        Lines.Add(new CostLine(name, type, region, category, price, quantities, [], basis, tenant));
    }

    /// <summary>Records <paramref name="name"/> of <paramref name="type"/> as unpriced for <paramref name="reason"/>.</summary>
    public void Unpriced(string type, string name, string reason)
    {
        if (!_unpriced.TryGetValue((type, reason), out var names)) _unpriced[(type, reason)] = names = [];
        names.Add(name);
    }

    /// <summary>Unpriced resources grouped by type and reason, sorted.</summary>
    public IReadOnlyList<UnpricedType> UnpricedTypes() => _unpriced
        .Select(kv => new UnpricedType(kv.Key.Type, kv.Value.Count, kv.Key.Reason, kv.Value.Order(StringComparer.Ordinal).Take(3).ToList()))
        .OrderBy(u => u.Type, StringComparer.Ordinal).ThenBy(u => u.Reason, StringComparer.Ordinal)
        .ToList();

    /// <summary>Users one serving region takes at a scale of <paramref name="users"/>.</summary>
    public decimal UsersIn(decimal users) => users * RegionShare;

    public static decimal D(double value) => (decimal)value;
}
