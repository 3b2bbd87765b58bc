namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Every Aurora PostgreSQL cluster uses a parameter group with <c>rds.force_ssl = 1</c>.</summary>
public sealed class DatabasesRequireTls : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-FORCE-SSL";

    /// <inheritdoc />
    public override string Reason =>
        "Without rds.force_ssl the database accepts clear-text connections, and compliance's in-transit encryption holds only if every client asks for TLS.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var cluster in program.OfType(Types.RdsCluster))
        {
            var group = program.Referenced(cluster["dbClusterParameterGroupName"]).FirstOrDefault(g => g.Type == Types.RdsParameterGroup);
            var forced = group is not null && ProgramFacts.Items(group["parameters"]).Any(p =>
                ProgramFacts.Text(ProgramFacts.At(p, "name")) == "rds.force_ssl" && ProgramFacts.Text(ProgramFacts.At(p, "value")) == "1");
            if (!forced) yield return new Finding(cluster.Name, "has no cluster parameter group setting rds.force_ssl to 1");
        }
    }
}
