namespace Toolkit.Stacks.Cost;

/// <summary>
/// Which tenant a resource is dedicated to, from the logical names the stack definitions give tenant resources
/// (<c>tenant-SLUG...</c> databases, DNS and workloads; <c>kms-SLUG-REGION</c> keys; <c>ns-</c>, <c>quota-</c>,
/// <c>deny-all-</c>, <c>allow-own-</c> Kubernetes objects). The longest matching prefix wins, so slug <c>acme</c>
/// never claims <c>acme-eu</c>'s resources; a lookup costs one dictionary probe per dash in the name.
/// </summary>
internal sealed class TenantAttribution
{
    private static readonly string[] Prefixes = ["tenant-", "kms-", "ns-", "quota-", "deny-all-", "allow-own-"];
    private readonly Dictionary<string, string> _byPrefix = new(StringComparer.Ordinal);

    public TenantAttribution(IEnumerable<(string Id, string Slug)> tenants)
    {
        foreach (var (id, slug) in tenants)
            foreach (var prefix in Prefixes)
                _byPrefix[prefix + slug] = id;
    }

    /// <summary>The id of the tenant <paramref name="resourceName"/> belongs to, or null for shared resources.</summary>
    public string? Of(string resourceName)
    {
        if (_byPrefix.Count == 0) return null;
        var lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        var name = resourceName.AsSpan();
        if (lookup.TryGetValue(name, out var whole)) return whole;
        string? found = null;
        for (var at = resourceName.IndexOf('-'); at >= 0; at = resourceName.IndexOf('-', at + 1))
            if (lookup.TryGetValue(name[..at], out var id)) found = id;
        return found;
    }
}
