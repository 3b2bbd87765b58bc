namespace Toolkit.Compliance.Checks;

/// <summary>
/// Every region the program deploys to (the stack's regions and every provider's <c>region</c>) is in
/// <c>compliance.dataResidency.allowedRegions</c> (when that list is not empty) and not in <c>prohibitedRegions</c>.
/// </summary>
public sealed class DataResidencyCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "data-residency";
    /// <inheritdoc />
    public string Title => "Every region is allowed and none is prohibited";
    /// <inheritdoc />
    public string ConfigPath => "compliance.dataResidency";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var residency = context.Compliance.DataResidency;
        var expected = residency.AllowedRegions.Count > 0
            ? $"one of [{string.Join(", ", residency.AllowedRegions)}]" + (residency.ProhibitedRegions.Count > 0 ? $", not [{string.Join(", ", residency.ProhibitedRegions)}]" : "")
            : $"not one of [{string.Join(", ", residency.ProhibitedRegions)}]";
        bool Allowed(string region) =>
            (residency.AllowedRegions.Count == 0 || residency.AllowedRegions.Contains(region, StringComparer.OrdinalIgnoreCase)) &&
            !residency.ProhibitedRegions.Contains(region, StringComparer.OrdinalIgnoreCase);

        var evidence = new List<EvidenceItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in context.Program.Resources.Where(r => r.Type.StartsWith("pulumi:providers:aws", StringComparison.Ordinal)))
            if (provider.Get("region") is { ValueKind: System.Text.Json.JsonValueKind.String } region)
            {
                seen.Add(region.GetString()!);
                evidence.Add(Evidence.Of(provider, "region", region.GetString()!, Allowed(region.GetString()!), expected));
            }
        foreach (var region in context.Program.Regions.Where(r => !seen.Contains(r)))
            evidence.Add(new EvidenceItem($"stack {context.Stack}", "(stack)", "regions", region, Allowed(region), expected));
        return CheckResult.From(Id, evidence, "the program names no region");
    }
}
