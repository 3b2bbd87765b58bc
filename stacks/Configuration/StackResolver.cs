using Toolkit.Core.Diagnostics;

namespace Toolkit.Stacks.Configuration;

/// <summary>A stack with its overrides applied: what one <c>synth --stack NAME</c> deploys.</summary>
public sealed record ResolvedStack(ToolkitConfig Config, StackConfig Stack, IReadOnlyList<string> Regions)
{
    /// <summary>Stack name.</summary>
    public string Name => Stack.Name;

    /// <summary>The first region: where the writer database and primary services live.</summary>
    public string PrimaryRegion => Regions[0];

    /// <summary>Regions other than the primary (replicas), in order.</summary>
    public IReadOnlyList<string> SecondaryRegions => Regions.Skip(1).ToList();

    /// <summary>The config with this stack's regions in <see cref="DeploymentConfig.Regions"/>, for code that reads the config only.</summary>
    public ToolkitConfig EffectiveConfig => Config with { Deployment = Config.Deployment with { Regions = Regions } };
}

/// <summary>Finds a stack by name and applies its overrides.</summary>
public static class StackResolver
{
    /// <summary>
    /// The stack <paramref name="name"/> of <paramref name="config"/> with its effective regions (the stack's
    /// own, else <c>deployment.regions</c>).
    /// </summary>
    /// <exception cref="DiagnosticException">TK1016: no such stack; the message lists the known ones.</exception>
    public static ResolvedStack ResolveStack(this ToolkitConfig config, string name)
    {
        var stack = config.Stacks.FirstOrDefault(s => s.Name == name);
        if (stack is null)
        {
            var known = config.Stacks.Select(s => s.Name).ToList();
            var list = known.Count == 0 ? "the config defines no stacks; add a 'stacks:' section (dev:, prod: ...)" : $"known stacks: {string.Join(", ", known)}";
            throw new DiagnosticException(Diagnostic.Error(ConfigErrorCodes.UnknownStack,
                $"unknown stack '{name}'{ClosestMatch.Hint(name, known)}; {list}", config.Source.Find("stacks")));
        }
        return new ResolvedStack(config, stack, stack.Regions is { Count: > 0 } regions ? regions : config.Deployment.Regions);
    }
}
