using Toolkit.Stacks.Configuration;

namespace Toolkit.Stacks.Synthesis;

/// <summary>
/// What a stack is synthesized from: the whole config, the chosen stack (with its overrides) and the
/// regions it resolves to (the stack's own, else the deployment's; primary first).
/// </summary>
public sealed record SynthesisContext(ToolkitConfig Config, StackConfig Stack, IReadOnlyList<string> Regions)
{
    /// <summary>Builds the context for <paramref name="stack"/>, resolving its regions.</summary>
    public static SynthesisContext For(ToolkitConfig config, StackConfig stack) =>
        new(config, stack, stack.Regions is { Count: > 0 } regions ? regions : config.Deployment.Regions);

    /// <summary>The primary region.</summary>
    public string PrimaryRegion => Regions[0];

    /// <summary>Pulumi project name (the config's project slug).</summary>
    public string ProjectName => Config.Project.Slug;

    /// <summary>Deployment pattern.</summary>
    public DeploymentPattern Pattern => Config.Deployment.Pattern;

    /// <summary>True when blue and green run side by side.</summary>
    public bool IsBlueGreen => Pattern == DeploymentPattern.BlueGreen;

    /// <summary>True when more than one region is deployed.</summary>
    public bool IsMultiRegion => Regions.Count > 1;

    /// <summary>Isolation level (single-tenant platforms behave like db-per-tenant with one tenant).</summary>
    public IsolationLevel Isolation => Config.Architecture.Isolation ?? IsolationLevel.DbPerTenant;

    /// <summary>The isolation of <paramref name="tenant"/>: its own (<c>tenants[].isolation</c>) or the platform's.</summary>
    public IsolationLevel IsolationOf(TenantConfig tenant) => tenant.Isolation ?? Isolation;

    /// <summary>Tenants that get resources (deleted tenants are left out).</summary>
    public IReadOnlyList<TenantConfig> Tenants { get; } =
        Config.Tenants.Where(t => t.Status != TenantStatus.Deleted).ToList();

    /// <summary>Service colours: blue and green for blue-green, else one <c>app</c>.</summary>
    public IReadOnlyList<string> Colors => IsBlueGreen ? ["blue", "green"] : ["app"];
}
