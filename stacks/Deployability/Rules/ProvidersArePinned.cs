using Toolkit.Stacks.Platforms;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Every provider (explicit, or the default one a resource uses) is pinned to the version the schemas are.</summary>
public sealed class ProvidersArePinned : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-PROVIDER-VERSION";

    /// <inheritdoc />
    public override string Reason =>
        "An unpinned provider is whatever version is newest on the day of `pulumi up`, not the one the program was checked against; a major release renames inputs under a running stack.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var resource in program.Program.Resources)
        {
            if (!resource.IsProvider && resource.Options.Provider is not null) continue; // pinned through its explicit provider
            var expected = ProviderVersions.ByPackage.GetValueOrDefault(resource.Package);
            if (resource.Options.Version is null) yield return new Finding(resource.Name, $"has no version for provider '{resource.Package}'");
            else if (expected is not null && resource.Options.Version != expected)
                yield return new Finding(resource.Name, $"pins {resource.Package} {resource.Options.Version}, not {expected} (the validated schema)");
        }
    }
}
