using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>
/// Every log group has retention (and a key with customer-managed keys), and every Aurora log export goes to a group
/// the program created first (Aurora would create one without retention or key).
/// </summary>
public sealed class LogGroupsAreKept : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-LOG-GROUPS";

    /// <inheritdoc />
    public override string Reason =>
        "A log group a service creates on its own keeps logs forever, unencrypted by the stack's key, while the compliance evidence reports retention as met.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var groups = program.OfType(Types.LogGroup).ToList();
        foreach (var group in groups)
        {
            if (group["retentionInDays"] is not IntegerValue) yield return new Finding(group.Name, "has no retentionInDays");
            if (program.CustomerManagedKeys && group["kmsKeyId"] is null) yield return new Finding(group.Name, "has no kmsKeyId although customer-managed keys are on");
        }
        var byName = groups.Where(g => ProgramFacts.Text(g["name"]) is not null).ToDictionary(g => (ProgramFacts.Text(g["name"])!, g.Region));
        foreach (var cluster in program.OfType(Types.RdsCluster))
        {
            if (ProgramFacts.Items(cluster["enabledCloudwatchLogsExports"]).Count == 0) continue;
            var id = ProgramFacts.Text(cluster["clusterIdentifier"]);
            foreach (var export in ProgramFacts.Items(cluster["enabledCloudwatchLogsExports"]).Select(ProgramFacts.Text))
            {
                var name = $"/aws/rds/cluster/{id}/{export}";
                if (!byName.TryGetValue((name, cluster.Region), out var group)) yield return new Finding(cluster.Name, $"exports logs to {name}, which the program does not create");
                else if (!cluster.Options.DependsOn.Contains(group.Name)) yield return new Finding(cluster.Name, $"does not depend on {group.Name}, so Aurora may create {name} first");
            }
        }
    }
}
