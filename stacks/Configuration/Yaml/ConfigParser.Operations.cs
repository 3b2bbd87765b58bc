namespace Toolkit.Stacks.Configuration.Yaml;

internal sealed partial class ConfigParser
{
    public static readonly string[] BackupKeys = ["retentionDays", "copyRetentionDays", "copyRegion", "schedule"];
    public static readonly string[] MonitoringKeys = ["alarms"];
    public static readonly string[] AlarmKeys = ["errorRate", "p95LatencyMs", "databaseCpuPercent", "replicationLagMs"];

    /// <summary>AWS Backup keeps recovery points at most 100 years.</summary>
    private const int MaxBackupDays = 36_500;

    private static BackupConfig ReadBackups(MappingReader top)
    {
        var defaults = new BackupConfig();
        var s = top.Mapping("backups", BackupKeys);
        if (s is null) return defaults;
        return new BackupConfig
        {
            RetentionDays = s.Get("retentionDays") is null ? null : s.Integer("retentionDays", 0, 1, MaxBackupDays),
            CopyRetentionDays = s.Get("copyRetentionDays") is null ? null : s.Integer("copyRetentionDays", 0, 1, MaxBackupDays),
            CopyRegion = s.Text("copyRegion"),
            Schedule = s.Text("schedule", defaults.Schedule),
        };
    }

    private static MonitoringConfig ReadMonitoring(MappingReader top)
    {
        var defaults = new AlarmThresholds();
        var alarms = top.Mapping("monitoring", MonitoringKeys)?.Mapping("alarms", AlarmKeys);
        if (alarms is null) return new MonitoringConfig();
        return new MonitoringConfig
        {
            Alarms = new AlarmThresholds
            {
                ErrorRate = alarms.Get("errorRate") is null ? null : alarms.Number("errorRate", 0, 0, 1),
                P95LatencyMs = alarms.Get("p95LatencyMs") is null ? null : alarms.Integer("p95LatencyMs", 0, 1, 600_000),
                DatabaseCpuPercent = alarms.Integer("databaseCpuPercent", defaults.DatabaseCpuPercent, 1, 100),
                ReplicationLagMs = alarms.Integer("replicationLagMs", defaults.ReplicationLagMs, 1, 3_600_000),
            },
        };
    }
}
