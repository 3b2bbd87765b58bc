namespace Toolkit.Compliance.Checks;

/// <summary>
/// API activity is audited: the program has a CloudTrail trail that is logging, validates its log files and
/// covers every region, and databases export their logs to CloudWatch.
/// </summary>
public sealed class AuditLoggingCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "audit-logging";
    /// <inheritdoc />
    public string Title => "Audit logging is on for the account and the databases";
    /// <inheritdoc />
    public string ConfigPath => "compliance.auditLog.enabled";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        var evidence = new List<EvidenceItem>();
        var onAws = program.Resources.Any(r => r.Type.StartsWith("aws:", StringComparison.Ordinal));
        var trails = program.OfType("aws:cloudtrail:Trail");
        if (onAws && trails.Count == 0) evidence.Add(Evidence.Missing("aws:cloudtrail:Trail", "a CloudTrail trail"));
        foreach (var t in trails)
        {
            evidence.Add(Evidence.Of(t, "enableLogging", t.Text("enableLogging"), !(t.Get("enableLogging") is { ValueKind: System.Text.Json.JsonValueKind.False }), "true or absent (default true)"));
            evidence.Add(Evidence.IsTrue(t, "enableLogFileValidation"));
            evidence.Add(Evidence.IsTrue(t, "isMultiRegionTrail"));
        }
        foreach (var c in program.OfType("aws:rds:Cluster"))
        {
            var exports = c.Get("enabledCloudwatchLogsExports");
            var exported = exports is { ValueKind: System.Text.Json.JsonValueKind.Array } e && e.EnumerateArray().Any(x => x.GetString() is "postgresql" or "audit");
            evidence.Add(Evidence.Of(c, "enabledCloudwatchLogsExports", c.Text("enabledCloudwatchLogsExports"), exported, "includes postgresql"));
        }
        return CheckResult.From(Id, evidence, "no AWS resources to audit");
    }
}
