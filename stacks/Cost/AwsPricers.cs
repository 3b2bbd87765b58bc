using System.Globalization;
using Toolkit.Stacks.Model;
using static Toolkit.Stacks.Cost.PricingRun;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// Prices AWS resources from their properties: Fargate tasks from the service's desired count and its task
/// definition's cpu and memory, Aurora instances by class, load balancers and NAT gateways by the hour plus the
/// traffic the per-user assumptions give, keys and secrets (with replicas) by the month, logs by ingestion and retention.
/// </summary>
internal static class AwsPricers
{
    public static void EcsService(PricingRun run, Resource service)
    {
        var count = Number(service["desiredCount"]) ?? 1;
        var task = run.Referenced(service["taskDefinition"]);
        if (task is null || Number(task["cpu"]) is not { } cpuUnits || Number(task["memory"]) is not { } memoryMb)
        {
            run.Unpriced(service.Type, service.Name, "its task definition (cpu, memory) could not be read from the program");
            return;
        }
        var arm = task["runtimePlatform"] is MapValue platform && Text(platform["cpuArchitecture"]) == "ARM64";
        var family = arm ? "aws.fargate-arm" : "aws.fargate";
        var vcpu = cpuUnits / 1024m;
        var gb = memoryMb / 1024m;
        run.Fixed(service, CostCategory.Compute, $"{family}.vcpu-hour", count * vcpu * run.Hours,
            $"{count} task(s) x {vcpu.ToString(CultureInfo.InvariantCulture)} vCPU x {run.Hours} h");
        run.Fixed(service, CostCategory.Compute, $"{family}.gb-hour", count * gb * run.Hours,
            $"{count} task(s) x {gb.ToString(CultureInfo.InvariantCulture)} GB x {run.Hours} h");
    }

    public static void DatabaseInstance(PricingRun run, Resource instance)
    {
        var engine = Text(instance["engine"]) ?? "aurora-postgresql";
        if (Text(instance["instanceClass"]) is not { } instanceClass)
        {
            run.Unpriced(instance.Type, instance.Name, "its instanceClass is not a literal in the program");
            return;
        }
        run.Fixed(instance, CostCategory.Database, $"aws.{engine}.{instanceClass}", run.Hours, $"1 {instanceClass} x {run.Hours} h");
    }

    public static void DatabaseCluster(PricingRun run, Resource cluster)
    {
        var a = run.Assumptions;
        var databases = Math.Max(1, run.DatabaseCount);
        run.Usage(cluster, CostCategory.Database, "aws.aurora.storage-gb-month", users => users * D(a.DatabaseGbPerUser) / databases,
            $"users x {a.DatabaseGbPerUser} GB / {databases} database(s) (each regional cluster stores a copy)");
        run.Usage(cluster, CostCategory.Database, "aws.aurora.io-million",
            users => run.UsersIn(users) * D(a.RequestsPerUser) * D(a.DatabaseIoPerRequest) / databases / 1_000_000m,
            $"users in region x {a.RequestsPerUser} requests x {a.DatabaseIoPerRequest} I/O / {databases} database(s)");
    }

    public static void LoadBalancer(PricingRun run, Resource alb)
    {
        var a = run.Assumptions;
        run.Fixed(alb, CostCategory.Network, "aws.alb.hour", run.Hours, $"{run.Hours} h");
        // An LCU is 1 GB processed per hour or 25 new connections a second; the larger dimension is billed.
        run.Usage(alb, CostCategory.Network, "aws.alb.lcu-hour", users =>
            Math.Max(run.UsersIn(users) * D(a.EgressGbPerUser), run.UsersIn(users) * D(a.RequestsPerUser) / (25m * 3600m)),
            $"max(GB processed, requests / 90,000) with {a.EgressGbPerUser} GB and {a.RequestsPerUser} requests per user");
        run.Usage(alb, CostCategory.Network, "aws.data-transfer-out.gb", users => run.UsersIn(users) * D(a.EgressGbPerUser),
            $"users in region x {a.EgressGbPerUser} GB");
    }

    public static void NatGateway(PricingRun run, Resource nat)
    {
        var a = run.Assumptions;
        run.Fixed(nat, CostCategory.Network, "aws.nat-gateway.hour", run.Hours, $"{run.Hours} h");
        // The region's NAT traffic is spread over its gateways (one per zone), not sent through each of them.
        var gateways = Math.Max(1, run.NatGatewaysIn(PricingRun.RegionOf(nat)));
        run.Usage(nat, CostCategory.Network, "aws.nat-gateway.gb", users => run.UsersIn(users) * D(a.NatGbPerUser) / gateways,
            gateways == 1 ? $"users in region x {a.NatGbPerUser} GB" : $"users in region x {a.NatGbPerUser} GB / {gateways} gateways");
    }

    public static void PublicAddress(PricingRun run, Resource eip) =>
        run.Fixed(eip, CostCategory.Network, "aws.public-ipv4.hour", run.Hours, $"{run.Hours} h");

    public static void Bucket(PricingRun run, Resource bucket)
    {
        if (run.RetentionBuckets.Contains(bucket.Name))
        {
            run.Unpriced(bucket.Type, bucket.Name, "holds audit logs under a retention rule; their volume is not modelled");
            return;
        }
        var a = run.Assumptions;
        var buckets = Math.Max(1, run.AppBucketCount);
        run.Usage(bucket, CostCategory.Storage, "aws.s3.standard-gb-month", users => users * D(a.StorageGbPerUser) / buckets,
            $"users x {a.StorageGbPerUser} GB / {buckets} bucket(s)");
        run.Usage(bucket, CostCategory.Storage, "aws.s3.put-million", users => users * D(a.RequestsPerUser) * D(a.StorageWritesPerRequest) / buckets / 1_000_000m,
            "uploads");
    }

    public static void Key(PricingRun run, Resource key) =>
        run.Fixed(key, CostCategory.Security, "aws.kms.key-month", 1, "1 key");

    public static void Secret(PricingRun run, Resource secret)
    {
        var replicas = secret["replicas"] is ListValue list ? list.Items.Count : 0;
        run.Fixed(secret, CostCategory.Security, "aws.secrets-manager.secret-month", 1 + replicas, replicas == 0 ? "1 secret" : $"1 secret + {replicas} replica(s)");
    }

    public static void HostedZone(PricingRun run, Resource zone) =>
        run.Fixed(zone, CostCategory.Edge, "aws.route53.hosted-zone-month", 1, "1 hosted zone", PriceTable.Global);

    public static void HealthCheck(PricingRun run, Resource check) =>
        run.Fixed(check, CostCategory.Edge, "aws.route53.health-check-month", 1, "1 health check", PriceTable.Global);

    public static void LogGroup(PricingRun run, Resource group)
    {
        if (group["name"] is StringValue { Text: var logName } && logName.StartsWith("/aws/", StringComparison.Ordinal))
        {
            // A service's own log group (the database's exports, the rotation function): not the app's request logs.
            run.Unpriced(group.Type, group.Name, "holds an AWS service's own logs (database exports, rotation function); their volume is not modelled");
            return;
        }
        var a = run.Assumptions;
        var days = Number(group["retentionInDays"]) ?? 3653;
        decimal Ingest(decimal users) => run.UsersIn(users) * D(a.RequestsPerUser) * D(a.LogKbPerRequest) / 1_000_000m;
        run.Usage(group, CostCategory.Observability, "aws.cloudwatch-logs.ingest-gb", Ingest,
            $"users in region x {a.RequestsPerUser} requests x {a.LogKbPerRequest} KB");
        run.Usage(group, CostCategory.Observability, "aws.cloudwatch-logs.storage-gb-month", users => Ingest(users) * days / 30m,
            $"a month's ingestion x {days} days retained / 30 (steady state)");
    }

    public static void Trail(PricingRun run, Resource trail) =>
        run.Fixed(trail, CostCategory.Observability, "aws.cloudtrail.management-trail-month", 1, "1 trail (management events)");

    /// <summary>A literal whole number or numeric string (<c>"512"</c>), or null.</summary>
    public static decimal? Number(Value? value) => value switch
    {
        IntegerValue i => i.Number,
        NumberValue n => (decimal)n.Number,
        StringValue s when decimal.TryParse(s.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>A literal string, or null.</summary>
    public static string? Text(Value? value) => value is StringValue s ? s.Text : null;
}
