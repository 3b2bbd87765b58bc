namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Aurora secondaries forward writes, and each region's workloads get their own region's endpoint and secret.</summary>
public sealed class SecondaryRegionsServe : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-REGION-SERVES";

    /// <inheritdoc />
    public override string Reason =>
        "A secondary region given the primary's private endpoint cannot reach it (another VPC, no peering), and a read-only secondary without enableGlobalWriteForwarding serves pages that cannot write.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var cluster in program.OfType(Types.RdsCluster))
        {
            var secondary = cluster["globalClusterIdentifier"] is not null && cluster["masterUsername"] is null;
            if (secondary && cluster["enableGlobalWriteForwarding"] is not Model.BoolValue { Flag: true })
                yield return new Finding(cluster.Name, "is a secondary cluster of a global database without enableGlobalWriteForwarding: true");
        }
        foreach (var (workload, name, value) in program.Environment())
        {
            if (name != "DATABASE_HOST" && !name.StartsWith("DATABASE_SECRET_ARN", StringComparison.Ordinal) && !name.StartsWith("DATABASE_CREDENTIALS", StringComparison.Ordinal)) continue;
            // A plain ${x.endpoint} or ${x.arn} must be a resource of the workload's own region.
            if (value is not Model.Interpolation { IsSingleReference: true }) continue;
            foreach (var target in program.Referenced(value))
                if (target.Region is { } region && workload.Region is { } own && region != own)
                    yield return new Finding(workload.Name, $"{name} in {own} is {target.Name} of {region}");
        }
    }
}
