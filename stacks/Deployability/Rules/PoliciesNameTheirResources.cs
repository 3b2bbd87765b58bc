namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Workload role policies name their resources: no <c>*</c>, no every-key or every-region wildcard.</summary>
public sealed class PoliciesNameTheirResources : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-POLICY-SCOPE";

    /// <inheritdoc />
    public override string Reason =>
        "A wildcard resource lets a compromised task or pod read every secret, key or bucket of the account, other tenants' included.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var policy in program.OfType(Types.IamRolePolicy))
            foreach (var statement in ProgramFacts.Items(ProgramFacts.At(policy["policy"], "Statement")))
            {
                var resources = ProgramFacts.At(statement, "Resource") is Model.ListValue l ? l.Items : [ProgramFacts.At(statement, "Resource")!];
                foreach (var resource in resources)
                {
                    var text = ProgramFacts.Text(resource) ?? (resource as Model.Interpolation)?.Template ?? "";
                    if (text == "*" || text.EndsWith(":key/*", StringComparison.Ordinal) || text.Contains(":*:", StringComparison.Ordinal))
                        yield return new Finding(policy.Name, $"allows '{text}'");
                }
            }
    }
}
