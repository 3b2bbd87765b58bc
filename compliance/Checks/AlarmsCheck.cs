using Toolkit.Compliance.Resources;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Anomalies reach a person: every application load balancer and Aurora cluster has a CloudWatch alarm on it, and every
/// alarm notifies an SNS topic of the program (SOC 2 CC7.2).
/// </summary>
public sealed class AlarmsCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "alarms";
    /// <inheritdoc />
    public string Title => "Load balancers and databases have CloudWatch alarms that notify an SNS topic";
    /// <inheritdoc />
    public string ConfigPath => "monitoring.alarms";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        var alarms = program.OfType("aws:cloudwatch:MetricAlarm");
        var watching = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var alarm in alarms)
            foreach (var name in ResourceReference.All(alarm.Properties).Select(r => r.Resource).Distinct(StringComparer.Ordinal))
            {
                if (!watching.TryGetValue(name, out var list)) watching[name] = list = [];
                list.Add(alarm.Name);
            }

        var evidence = new List<EvidenceItem>();
        foreach (var target in program.OfType("aws:lb:LoadBalancer", "aws:rds:Cluster"))
        {
            var by = watching.GetValueOrDefault(target.Name);
            evidence.Add(Evidence.Of(target, "(aws:cloudwatch:MetricAlarm)", by is null ? "(none)" : string.Join(", ", by), by is not null, "at least one alarm"));
        }
        foreach (var alarm in alarms)
        {
            var notifies = alarm.Get("alarmActions") is { } actions
                && ResourceReference.All(actions).Any(r => program.Named(r.Resource)?.Is("aws:sns:Topic") == true);
            evidence.Add(Evidence.Of(alarm, "alarmActions", alarm.Text("alarmActions"), notifies, "an aws:sns:Topic of the program"));
        }
        return CheckResult.From(Id, evidence, "no load balancers or databases in this program");
    }
}
