using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Synthesis;

/// <summary>How many resources of one type a region holds.</summary>
public sealed record TypeCount(string Type, int Count);

/// <summary>One region (or <c>global</c>) of a provider, with counts per type.</summary>
public sealed record RegionSummary(string Region, int Total, IReadOnlyList<TypeCount> Types);

/// <summary>One provider package (aws, cloudflare, kubernetes, random) with its regions.</summary>
public sealed record ProviderSummary(string Provider, int Total, IReadOnlyList<RegionSummary> Regions);

/// <summary>
/// What <c>toolkit preview</c> shows: the resources of a program grouped by provider package, then region
/// (<c>global</c> for resources without one), then type, with counts; all sorted by name.
/// </summary>
public sealed record ProgramSummary(string Project, string Stack, int Total, IReadOnlyList<ProviderSummary> Providers)
{
    /// <summary>Region label of resources that belong to no region.</summary>
    public const string Global = "global";

    /// <summary>Summarises <paramref name="program"/> (explicit provider resources count under their package).</summary>
    public static ProgramSummary Of(PulumiProgram program)
    {
        var providers = program.Resources
            .GroupBy(r => r.Package)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(byPackage => new ProviderSummary(byPackage.Key, byPackage.Count(), byPackage
                .GroupBy(r => r.Region ?? Global)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(byRegion => new RegionSummary(byRegion.Key, byRegion.Count(), byRegion
                    .GroupBy(r => r.Type)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(byType => new TypeCount(byType.Key, byType.Count()))
                    .ToList()))
                .ToList()))
            .ToList();
        return new ProgramSummary(program.ProjectName, program.StackName, program.Resources.Count, providers);
    }
}
