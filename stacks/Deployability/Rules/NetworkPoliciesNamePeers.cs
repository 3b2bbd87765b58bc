namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Every NetworkPolicy rule names its peers (<c>from</c> for ingress, <c>to</c> for egress).</summary>
public sealed class NetworkPoliciesNamePeers : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-NETWORK-POLICY";

    /// <inheritdoc />
    public override string Reason =>
        "A rule with ports and no peers matches every source or destination: any pod of any namespace reaches the tenant's pods and databases.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var policy in program.OfType(Types.NetworkPolicy))
            foreach (var (direction, peers) in new[] { ("ingress", "from"), ("egress", "to") })
            {
                var rules = ProgramFacts.Items(ProgramFacts.At(policy.Properties, $"spec.{direction}"));
                for (var i = 0; i < rules.Count; i++)
                    if (ProgramFacts.Items(ProgramFacts.At(rules[i], peers)).Count == 0)
                        yield return new Finding(policy.Name, $"spec.{direction}[{i}] has no '{peers}'");
            }
    }
}
