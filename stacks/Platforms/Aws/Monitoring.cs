using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Isolation;
using Toolkit.Stacks.Platforms.Patterns;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// CloudWatch alarms per region notifying the region's SNS topic (encrypted with the region key): the load balancer's
/// 5xx rate and p95 target latency (<c>monitoring.alarms</c>, by default the blue-green rollback triggers
/// <c>deployment.blueGreen.rollbackTriggers</c>), and per Aurora cluster (shared and silo tenants') CPU above
/// <c>monitoring.alarms.databaseCpuPercent</c> (80 %) and, on secondaries, global replication lag above
/// <c>monitoring.alarms.replicationLagMs</c> (one second).
/// </summary>
public static class Monitoring
{
    /// <summary>Adds the topic and alarms of <paramref name="r"/>'s region; returns the topic.</summary>
    public static Resource Add(StackScope scope, RegionalFoundation r, RegionalCompute compute, DataTier data)
    {
        var region = r.Region;
        var triggers = scope.Context.Config.Deployment.BlueGreen.RollbackTriggers;
        var thresholds = scope.Context.Config.Monitoring.Alarms;
        var errorRate = thresholds.ErrorRate ?? triggers.MaxErrorRate;
        var latencyMs = thresholds.P95LatencyMs ?? triggers.MaxP95LatencyMs;
        var source = thresholds.ErrorRate is null ? " (the rollback trigger)" : "";
        var latencySource = thresholds.P95LatencyMs is null ? " (the rollback trigger)" : "";
        var topic = scope.Aws($"alarms-{region}", "aws:sns/topic:Topic", Expr.Map(
            ("name", $"{scope.Prefix}-alarms"),
            // Not the AWS-managed aws/sns key: its policy does not let CloudWatch publish, so alarms would be dropped.
            ("kmsMasterKeyId", r.Key?.Output("arn"))), region);
        var actions = Expr.List(topic.Output("arn"));
        if (compute.LoadBalancer is { } alb)
        {
            MapValue Metric(string id, string name) => Expr.Map(("id", id), ("metric", Expr.Map(
                ("namespace", "AWS/ApplicationELB"), ("metricName", name), ("period", 60), ("stat", "Sum"),
                ("dimensions", Expr.Map(("LoadBalancer", alb.Output("arnSuffix")))))));
            scope.Aws($"alarm-5xx-{region}", "aws:cloudwatch/metricAlarm:MetricAlarm", Expr.Map(
                ("name", $"{scope.Prefix}-{region}-5xx-rate"),
                ("alarmDescription", $"Target 5xx rate above {errorRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}{source} for 3 minutes"),
                ("comparisonOperator", "GreaterThanThreshold"),
                ("threshold", errorRate),
                ("evaluationPeriods", 3),
                ("treatMissingData", "notBreaching"),
                ("metricQueries", Expr.List(
                    Expr.Map(("id", "rate"), ("expression", "errors / MAX([requests, 1])"), ("label", "5xx rate"), ("returnData", true)),
                    Metric("errors", "HTTPCode_Target_5XX_Count"),
                    Metric("requests", "RequestCount"))),
                ("alarmActions", actions),
                ("okActions", actions)), region);
            scope.Aws($"alarm-latency-{region}", "aws:cloudwatch/metricAlarm:MetricAlarm", Expr.Map(
                ("name", $"{scope.Prefix}-{region}-p95-latency"),
                ("alarmDescription", $"Target p95 latency above {latencyMs} ms{latencySource} for 3 minutes"),
                ("namespace", "AWS/ApplicationELB"),
                ("metricName", "TargetResponseTime"),
                ("dimensions", Expr.Map(("LoadBalancer", alb.Output("arnSuffix")))),
                ("extendedStatistic", "p95"),
                ("period", 60),
                ("evaluationPeriods", 3),
                ("comparisonOperator", "GreaterThanThreshold"),
                ("threshold", latencyMs / 1000.0),
                ("treatMissingData", "notBreaching"),
                ("alarmActions", actions),
                ("okActions", actions)), region);
        }
        foreach (var database in data.Databases)
        {
            var cluster = database.Clusters[region];
            var dimensions = Expr.Map(("DBClusterIdentifier", cluster.Output("clusterIdentifier")));
            scope.Aws($"alarm-cpu-{cluster.Name}", "aws:cloudwatch/metricAlarm:MetricAlarm", Expr.Map(
                ("name", $"{scope.Prefix}-{cluster.Name}-cpu"),
                ("alarmDescription", $"Aurora CPU above {thresholds.DatabaseCpuPercent} % for 15 minutes"),
                ("namespace", "AWS/RDS"), ("metricName", "CPUUtilization"), ("dimensions", dimensions),
                ("statistic", "Average"), ("period", 300), ("evaluationPeriods", 3),
                ("comparisonOperator", "GreaterThanThreshold"), ("threshold", thresholds.DatabaseCpuPercent),
                ("alarmActions", actions), ("okActions", actions)), region);
            if (r.Role == RegionRole.Replica)
                scope.Aws($"alarm-lag-{cluster.Name}", "aws:cloudwatch/metricAlarm:MetricAlarm", Expr.Map(
                    ("name", $"{scope.Prefix}-{cluster.Name}-replication-lag"),
                    ("alarmDescription", $"Aurora global replication lag above {thresholds.ReplicationLagMs} ms for 5 minutes"),
                    ("namespace", "AWS/RDS"), ("metricName", "AuroraGlobalDBReplicationLag"), ("dimensions", dimensions),
                    ("statistic", "Average"), ("period", 60), ("evaluationPeriods", 5),
                    ("comparisonOperator", "GreaterThanThreshold"), ("threshold", thresholds.ReplicationLagMs),
                    ("treatMissingData", "breaching"),
                    ("alarmActions", actions), ("okActions", actions)), region);
        }
        return topic;
    }
}
