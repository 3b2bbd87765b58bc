using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Isolation;
using Toolkit.Stacks.Platforms.Patterns;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// ECS Fargate compute per region: cluster, an internet-facing ALB (HTTPS with the compliance TLS policy,
/// HTTP redirected), one target group, task definition and service per colour. For blue-green the HTTPS
/// listener forwards to blue and green with weights read from stack config (<c>${blueWeight}</c>,
/// <c>${greenWeight}</c>), and host rules <c>blue-REGION.domain</c> / <c>green-REGION.domain</c> reach one colour.
/// </summary>
public static class Ecs
{
    /// <summary>Adds the compute of one region.</summary>
    public static RegionalCompute Add(StackScope scope, RegionalFoundation r, WorkloadIdentity identity, Resource certificateValidation,
        IReadOnlyDictionary<string, ConfigDeclaration> images, DataTier data, AppServices app)
    {
        var region = r.Region;
        var stack = scope.Context.Stack;
        var health = scope.Context.Config.Deployment.HealthCheck;
        var cluster = scope.Aws($"ecs-{region}", "aws:ecs/cluster:Cluster", Expr.Map(
            ("name", $"{scope.Prefix}-{region}"),
            ("settings", Expr.List(Expr.Map(("name", "containerInsights"), ("value", "enabled"))))), region);
        var alb = scope.Aws($"alb-{region}", "aws:lb/loadBalancer:LoadBalancer", Expr.Map(
            ("loadBalancerType", "application"),
            ("internal", false),
            ("securityGroups", Expr.List(r.Network.LoadBalancerGroup!.Output("id"))),
            ("subnets", r.Network.PublicSubnetIds),
            ("dropInvalidHeaderFields", true),
            ("enableDeletionProtection", stack.DeletionProtection)), region);

        var groups = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var color in scope.Context.Colors)
            groups[color] = scope.Aws($"tg-{color}-{region}", "aws:lb/targetGroup:TargetGroup", Expr.Map(
                ("port", Naming.AppPort),
                ("protocol", "HTTP"),
                ("targetType", "ip"),
                ("vpcId", r.Network.VpcId),
                ("deregistrationDelay", 30),
                ("healthCheck", Expr.Map(
                    ("path", health.Path),
                    ("interval", health.IntervalSeconds),
                    ("timeout", health.TimeoutSeconds),
                    ("healthyThreshold", health.HealthyThreshold),
                    ("unhealthyThreshold", health.UnhealthyThreshold),
                    ("matcher", "200-399")))), region);

        Value defaultAction = scope.Context.IsBlueGreen
            ? Expr.Map(("type", "forward"), ("forward", Expr.Map(("targetGroups", Expr.List(
                Expr.Map(("arn", groups["blue"].Output("arn")), ("weight", Expr.Ref(Synthesis.TrafficWeights.BlueWeightKey))),
                Expr.Map(("arn", groups["green"].Output("arn")), ("weight", Expr.Ref(Synthesis.TrafficWeights.GreenWeightKey))))))))
            : Expr.Map(("type", "forward"), ("targetGroupArn", groups["app"].Output("arn")));
        var https = scope.Aws($"https-{region}", "aws:lb/listener:Listener", Expr.Map(
            ("loadBalancerArn", alb.Output("arn")),
            ("port", 443),
            ("protocol", "HTTPS"),
            ("sslPolicy", Naming.AlbSslPolicy(scope.MinimumTls)),
            ("certificateArn", certificateValidation.Output("certificateArn")),
            ("defaultActions", Expr.List(defaultAction))), region);
        scope.Aws($"http-{region}", "aws:lb/listener:Listener", Expr.Map(
            ("loadBalancerArn", alb.Output("arn")),
            ("port", 80),
            ("protocol", "HTTP"),
            ("defaultActions", Expr.List(Expr.Map(("type", "redirect"),
                ("redirect", Expr.Map(("port", "443"), ("protocol", "HTTPS"), ("statusCode", "HTTP_301"))))))), region);

        var hosts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (scope.Context.IsBlueGreen)
        {
            var priority = 10;
            foreach (var color in scope.Context.Colors)
            {
                var host = $"{color}-{region}.{scope.Domain}";
                hosts[color] = host;
                scope.Aws($"rule-{color}-{region}", "aws:lb/listenerRule:ListenerRule", Expr.Map(
                    ("listenerArn", https.Output("arn")),
                    ("priority", priority),
                    ("actions", Expr.List(Expr.Map(("type", "forward"), ("targetGroupArn", groups[color].Output("arn"))))),
                    ("conditions", Expr.List(Expr.Map(("hostHeader", Expr.Map(("values", Expr.Strings([host])))))))), region);
                priority += 10;
            }
        }

        var services = new List<Value>();
        foreach (var color in scope.Context.Colors)
        {
            var task = scope.Aws($"task-{color}-{region}", "aws:ecs/taskDefinition:TaskDefinition", Expr.Map(
                ("family", $"{scope.Prefix}-{color}"),
                ("cpu", "512"),
                ("memory", "1024"),
                ("networkMode", "awsvpc"),
                ("requiresCompatibilities", Expr.Strings(["FARGATE"])),
                ("executionRoleArn", identity.ExecutionRole!.Output("arn")),
                ("taskRoleArn", identity.Role.Output("arn")),
                ("containerDefinitions", Expr.Json(Expr.List(Expr.Map(
                    ("name", "app"),
                    ("image", images[color].Ref),
                    ("essential", true),
                    ("portMappings", Expr.List(Expr.Map(("containerPort", Naming.AppPort), ("protocol", "tcp")))),
                    ("environment", Expr.List(Expr.List(
                        Expr.Map(("name", "TOOLKIT_COLOR"), ("value", color)),
                        Expr.Map(("name", "TOOLKIT_REGION"), ("value", region)),
                        Expr.Map(("name", "TOOLKIT_ISOLATION"), ("value", Outputs.IsolationName(scope.Context.Isolation))),
                        // The region's own secret (the replica outside the primary) and endpoint (the write-forwarding secondary).
                        data.SharedSecretArn(region) is { } arn ? Expr.Map(("name", "DATABASE_SECRET_ARN"), ("value", arn)) : null,
                        data.SharedHost(region) is { } host ? Expr.Map(("name", "DATABASE_HOST"), ("value", host)) : null,
                        data.HasSharedSecret ? null : Expr.Map(("name", "DATABASE_SECRET_NAME_PREFIX"), ("value", data.TenantSecretPrefix)))
                        .Items.Concat(app.Environment(region)))),
                    ("secrets", Secrets(data.SharedSecretArn(region), app.EcsSecrets(region))),
                    ("logConfiguration", Expr.Map(
                        ("logDriver", "awslogs"),
                        ("options", Expr.Map(
                            ("awslogs-group", r.LogGroup!.Output("name")),
                            ("awslogs-region", region),
                            ("awslogs-stream-prefix", color)))))))))), region);
            var service = scope.Aws($"svc-{color}-{region}", "aws:ecs/service:Service", Expr.Map(
                ("name", $"{scope.Context.ProjectName}-{color}"),
                ("cluster", cluster.Output("arn")),
                ("taskDefinition", task.Output("arn")),
                ("desiredCount", stack.Instances),
                ("launchType", "FARGATE"),
                ("healthCheckGracePeriodSeconds", 60),
                ("deploymentCircuitBreaker", Expr.Map(("enable", true), ("rollback", true))),
                ("networkConfiguration", Expr.Map(
                    ("subnets", r.Network.PrivateSubnetIds),
                    ("securityGroups", Expr.List(r.Network.AppGroupId)),
                    ("assignPublicIp", false))),
                ("loadBalancers", Expr.List(Expr.Map(
                    ("targetGroupArn", groups[color].Output("arn")),
                    ("containerName", "app"),
                    ("containerPort", Naming.AppPort))))), region,
                new ResourceOptions { DependsOn = [https.Name], IgnoreChanges = ["desiredCount"] });
            services.Add(service.Output("name"));
        }

        var origin = alb.Output("dnsName");
        var colorOrigins = scope.Context.Colors.ToDictionary(c => c, _ => (Value)origin, StringComparer.Ordinal);
        return new RegionalCompute(region, origin, colorOrigins, hosts, services, alb);
    }

    // The database credentials (shared tiers) and the secret slots; none at all leaves `secrets` out.
    private static ListValue? Secrets(Value? databaseSecretArn, IEnumerable<Value> slots)
    {
        var list = new List<Value>();
        if (databaseSecretArn is not null) list.Add(Expr.Map(("name", "DATABASE_CREDENTIALS"), ("valueFrom", databaseSecretArn)));
        list.AddRange(slots);
        return list.Count == 0 ? null : Expr.List(list);
    }
}
