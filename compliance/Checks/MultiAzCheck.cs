using System.Globalization;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Stateful services survive the loss of an availability zone: an Aurora cluster has at least two
/// instances, RDS instances and caches are multi-AZ.
/// </summary>
public sealed class MultiAzCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "multi-az";
    /// <inheritdoc />
    public string Title => "Databases and caches span at least two availability zones";
    /// <inheritdoc />
    public string ConfigPath => "stacks";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        var evidence = new List<EvidenceItem>();
        foreach (var cluster in program.OfType("aws:rds:Cluster"))
        {
            var instances = program.Referencing(cluster, "aws:rds:ClusterInstance").Count;
            evidence.Add(Evidence.Of(cluster, "(aws:rds:ClusterInstance count)", instances.ToString(CultureInfo.InvariantCulture), instances >= 2, ">= 2 instances"));
        }
        foreach (var r in program.OfType("aws:rds:Instance")) evidence.Add(Evidence.IsTrue(r, "multiAz"));
        foreach (var r in program.OfType("aws:elasticache:ReplicationGroup")) evidence.Add(Evidence.IsTrue(r, "multiAzEnabled"));
        return CheckResult.From(Id, evidence, "no databases or caches in this program");
    }
}
