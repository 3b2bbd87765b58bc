namespace Toolkit.Compliance.Checks;

/// <summary>Databases keep automated backups for at least <c>compliance.backupRetentionDays</c> (and a week under any framework).</summary>
public sealed class BackupRetentionCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "backup-retention";
    /// <inheritdoc />
    public string Title => "Automated backups are kept for the required number of days";
    /// <inheritdoc />
    public string ConfigPath => "compliance.backupRetentionDays";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var required = RetentionFloors.RequiredBackupDays(context.Compliance, context.Applying);
        var evidence = context.Program.OfType("aws:rds:Cluster", "aws:rds:Instance")
            .Select(r => Evidence.AtLeast(r, "backupRetentionPeriod", required))
            .Concat(context.Program.OfType("aws:elasticache:ReplicationGroup").Select(r => Evidence.AtLeast(r, "snapshotRetentionLimit", 1)))
            .ToList();
        return CheckResult.From(Id, evidence, "no databases with automated backups in this program");
    }
}
