using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Minimum retention periods the frameworks expect, applied on top of what toolkit.yaml asks for:
/// SOC 2 auditors expect a year of audit logs, HIPAA six years (45 CFR 164.316(b)(2)); backups are kept
/// at least a week under any framework.
/// </summary>
public static class RetentionFloors
{
    /// <summary>Minimum audit log retention in days for <paramref name="framework"/>.</summary>
    public static int AuditLogDays(ComplianceFramework framework) => framework switch
    {
        ComplianceFramework.Hipaa => 2190,
        ComplianceFramework.Soc2 => 365,
        _ => 1,
    };

    /// <summary>Minimum backup retention in days under any framework.</summary>
    public const int BackupDays = 7;

    /// <summary>The audit log retention the program must have: the config's value or the strictest floor of <paramref name="frameworks"/>.</summary>
    public static int RequiredAuditLogDays(ComplianceConfig compliance, IReadOnlyList<ComplianceFramework> frameworks) =>
        frameworks.Select(AuditLogDays).Append(compliance.AuditLog.RetentionDays).Max();

    /// <summary>The backup retention the program must have.</summary>
    public static int RequiredBackupDays(ComplianceConfig compliance, IReadOnlyList<ComplianceFramework> frameworks) =>
        frameworks.Count == 0 ? compliance.BackupRetentionDays : Math.Max(BackupDays, compliance.BackupRetentionDays);
}
