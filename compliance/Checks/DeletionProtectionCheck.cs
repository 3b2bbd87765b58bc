namespace Toolkit.Compliance.Checks;

/// <summary>Stateful resources cannot be deleted by accident: databases, tables and load balancers carry deletion protection.</summary>
public sealed class DeletionProtectionCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "deletion-protection";
    /// <inheritdoc />
    public string Title => "Stateful resources have deletion protection";
    /// <inheritdoc />
    public string ConfigPath => "stacks.{stack}.deletionProtection";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var p = context.Program;
        var evidence = p.OfType("aws:rds:Cluster", "aws:rds:Instance").Select(r => Evidence.IsTrue(r, "deletionProtection"))
            .Concat(p.OfType("aws:dynamodb:Table").Select(r => Evidence.IsTrue(r, "deletionProtectionEnabled")))
            .Concat(p.OfType("aws:lb:LoadBalancer", "aws:alb:LoadBalancer").Select(r => Evidence.IsTrue(r, "enableDeletionProtection")))
            .ToList();
        return CheckResult.From(Id, evidence, "no stateful resources in this program");
    }
}
