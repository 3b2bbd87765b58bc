namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>A Deployment an HPA scales sets no <c>replicas</c>.</summary>
public sealed class HpaOwnsReplicas : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-HPA-REPLICAS";

    /// <inheritdoc />
    public override string Reason =>
        "With replicas in the Deployment every `pulumi up` resets the scale the HPA chose, dropping capacity under load.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var scaled = program.OfType(Types.Hpa).SelectMany(h => ProgramFacts.References(ProgramFacts.At(h.Properties, "spec.scaleTargetRef.name"))).ToHashSet(StringComparer.Ordinal);
        foreach (var deployment in program.OfType(Types.Deployment))
            if (scaled.Contains(deployment.Name) && ProgramFacts.At(deployment.Properties, "spec.replicas") is not null)
                yield return new Finding(deployment.Name, "sets spec.replicas although an HPA scales it");
    }
}
