namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Each private subnet routes its egress through a NAT gateway of its own zone (no two share one).</summary>
public sealed class NatGatewayPerZone : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-NAT-PER-ZONE";

    /// <inheritdoc />
    public override string Reason =>
        "With one NAT gateway, losing its availability zone takes every zone's egress down (Secrets Manager, ECR, third-party APIs).";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var natOfTable = program.OfType(Types.RouteTable).ToDictionary(t => t.Name,
            t => ProgramFacts.Items(t["routes"]).SelectMany(r => ProgramFacts.References(ProgramFacts.At(r, "natGatewayId"))).FirstOrDefault(), StringComparer.Ordinal);
        var tableOfSubnet = program.OfType(Types.RouteTableAssociation).ToDictionary(
            a => ProgramFacts.References(a["subnetId"]).First(), a => ProgramFacts.References(a["routeTableId"]).First(), StringComparer.Ordinal);
        var usedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var subnet in program.OfType(Types.Subnet).Where(s => s["mapPublicIpOnLaunch"] is not Model.BoolValue { Flag: true }))
        {
            var nat = tableOfSubnet.TryGetValue(subnet.Name, out var table) ? natOfTable.GetValueOrDefault(table) : null;
            if (nat is null) { yield return new Finding(subnet.Name, "private subnet has no route through a NAT gateway"); continue; }
            if (usedBy.TryGetValue(nat, out var other)) yield return new Finding(subnet.Name, $"shares NAT gateway {nat} with {other}");
            else usedBy[nat] = subnet.Name;
        }
    }
}
