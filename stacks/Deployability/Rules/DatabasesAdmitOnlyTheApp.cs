namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>The security groups of databases admit security groups only, never address ranges.</summary>
public sealed class DatabasesAdmitOnlyTheApp : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-DATABASE-INGRESS";

    /// <inheritdoc />
    public override string Reason =>
        "A CIDR rule (even the VPC's own) lets every host and pod in that range reach every database, past the app's security group.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var groups = program.OfType(Types.RdsCluster).SelectMany(c => program.Referenced(c["vpcSecurityGroupIds"]))
            .Where(g => g.Type == Types.SecurityGroup).DistinctBy(g => g.Name);
        foreach (var group in groups)
            foreach (var rule in ProgramFacts.Items(group["ingress"]))
            {
                if (ProgramFacts.At(rule, "cidrBlocks") is not null || ProgramFacts.At(rule, "ipv6CidrBlocks") is not null)
                    yield return new Finding(group.Name, "admits an address range to the database");
                else if (ProgramFacts.Items(ProgramFacts.At(rule, "securityGroups")).Count == 0)
                    yield return new Finding(group.Name, "has an ingress rule naming no security group");
            }
    }
}
