namespace Toolkit.Stacks.Configuration;

/// <summary>
/// AWS Backup settings (<c>backups:</c>): how long recovery points are kept, when they are taken, and where the copy for
/// disaster recovery goes. The copy is made whenever the pattern is multi-region or a framework asks for recoverability
/// (HIPAA 164.308(a)(7), SOC 2 A1.2), and whenever <see cref="CopyRegion"/> is set.
/// </summary>
public sealed record BackupConfig
{
    /// <summary>Days recovery points are kept in the stack's vaults; null keeps <c>compliance.backupRetentionDays</c>.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>Days copies are kept in the disaster-recovery vault; null keeps them as long as <see cref="RetentionDays"/>.</summary>
    public int? CopyRetentionDays { get; init; }

    /// <summary>
    /// The region the copies go to; null picks the stack's second region, or for one region the next region of the same
    /// geography that the data residency allows.
    /// </summary>
    public string? CopyRegion { get; init; }

    /// <summary>When backups run: an AWS Backup <c>cron(...)</c> expression in UTC.</summary>
    public string Schedule { get; init; } = DefaultSchedule;

    /// <summary>Daily at 05:00 UTC, after the Aurora backup window (03:00-04:00).</summary>
    public const string DefaultSchedule = "cron(0 5 * * ? *)";

    /// <summary>
    /// The copy region picked for a single-region stack in <paramref name="primary"/>: the first catalogue region of the same
    /// geography (<c>us-</c>, <c>eu-</c>..., never GovCloud) that <paramref name="residency"/> allows, else the first allowed
    /// region anywhere; null when none is allowed.
    /// </summary>
    public static string? DefaultCopyRegion(string primary, DataResidencyConfig residency)
    {
        var geography = primary[..(primary.IndexOf('-') + 1)];
        var candidates = Catalogue.TechnologyCatalogue.Default.Regions.Select(r => r.Id).Where(id =>
            id != primary && !id.StartsWith("us-gov-", StringComparison.Ordinal)
            && !residency.ProhibitedRegions.Contains(id) && (residency.AllowedRegions.Count == 0 || residency.AllowedRegions.Contains(id))).ToList();
        return candidates.FirstOrDefault(id => id.StartsWith(geography, StringComparison.Ordinal)) ?? candidates.FirstOrDefault();
    }
}

/// <summary>Monitoring settings (<c>monitoring:</c>).</summary>
public sealed record MonitoringConfig
{
    /// <summary>Alarm thresholds.</summary>
    public AlarmThresholds Alarms { get; init; } = new();
}

/// <summary>
/// Where the CloudWatch alarms fire (<c>monitoring.alarms</c>). The load balancer's 5xx rate and p95 latency default to the
/// blue-green rollback triggers (<c>deployment.blueGreen.rollbackTriggers</c>), so an alarm and a rollback mean the same.
/// </summary>
public sealed record AlarmThresholds
{
    /// <summary>Target 5xx rate (0 to 1) above which the alarm fires; null follows <c>rollbackTriggers.maxErrorRate</c>.</summary>
    public double? ErrorRate { get; init; }

    /// <summary>Target p95 latency in milliseconds; null follows <c>rollbackTriggers.maxP95LatencyMs</c>.</summary>
    public int? P95LatencyMs { get; init; }

    /// <summary>Aurora CPU (percent) above which the alarm fires.</summary>
    public int DatabaseCpuPercent { get; init; } = 80;

    /// <summary>Aurora global replication lag (milliseconds) above which the alarm fires.</summary>
    public int ReplicationLagMs { get; init; } = 1000;
}
