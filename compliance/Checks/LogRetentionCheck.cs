namespace Toolkit.Compliance.Checks;

/// <summary>
/// Every log group keeps its logs for a finite number of days, at least the config's
/// <c>compliance.auditLog.retentionDays</c> and the frameworks' floors (see <see cref="RetentionFloors"/>).
/// </summary>
public sealed class LogRetentionCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "log-retention";
    /// <inheritdoc />
    public string Title => "Logs are kept for the required number of days, and not forever";
    /// <inheritdoc />
    public string ConfigPath => "compliance.auditLog.retentionDays";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var required = RetentionFloors.RequiredAuditLogDays(context.Compliance, context.Applying);
        var evidence = context.Program.OfType("aws:cloudwatch:LogGroup")
            .Select(g => Evidence.AtLeast(g, "retentionInDays", required)).ToList();
        return CheckResult.From(Id, evidence, "no log groups in this program");
    }
}
