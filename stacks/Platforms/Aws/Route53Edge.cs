using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Patterns;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// AWS edge: a Route53 zone for the domain; per region a record <c>REGION.domain</c> with an HTTPS health
/// check; <c>app.domain</c> steered by latency (multi-region) or failover (blue-green across regions) between the
/// healthy regions; per colour <c>COLOR-REGION.domain</c>; per tenant <c>SUBDOMAIN.domain</c>. On Kubernetes the
/// blue/green split is a pair of weighted records reading <c>${blueWeight}</c>/<c>${greenWeight}</c>.
/// </summary>
public static class Route53Edge
{
    /// <summary>Logical name of the zone when the stack creates it; output of its name servers.</summary>
    public const string ZoneResource = "zone", NameServersOutput = "nameServers";

    /// <summary>
    /// The hosted zone's id: looked up by name (<c>aws:route53/getZone</c>; it must exist and be delegated) or, with
    /// <c>deployment.hostedZone: create</c>, a new zone whose name servers become the <c>nameServers</c> output. A new zone
    /// answers nothing until the parent zone delegates to it, so ACM cannot validate before that (docs/stacks.md).
    /// </summary>
    public static Value Zone(StackScope scope)
    {
        var primary = scope.Context.PrimaryRegion;
        if (scope.Context.Config.Deployment.HostedZone == HostedZoneMode.Existing)
            return scope.Program.Variable("zone-id", new InvokeValue("aws:route53/getZone:getZone",
                Expr.Map(("name", scope.Domain), ("privateZone", false)), "zoneId", StackScope.AwsProvider(primary))).Ref;
        var zone = scope.Aws(ZoneResource, "aws:route53/zone:Zone", Expr.Map(
            ("name", scope.Domain),
            ("comment", $"{scope.Prefix} (managed by toolkit)")), primary,
            new ResourceOptions { Protect = scope.Context.Stack.DeletionProtection });
        scope.Program.Output(NameServersOutput, zone.Output("nameServers"));
        scope.Diagnostics.Add(Diagnostic.Info("TK-STACK-ZONE-DELEGATION",
            $"deployment.hostedZone is 'create': the first `pulumi up` creates the zone {scope.Domain} and waits for the certificates, which validate only once the parent zone delegates to the 'nameServers' output; create the zone first (`pulumi up --target` it), delegate, then run `pulumi up` (docs/stacks.md, first run)."));
        return zone.Output("zoneId");
    }

    /// <summary>Adds the ACM validation record of each certificate; returns each region's record FQDNs for its validation.</summary>
    public static IReadOnlyDictionary<string, Value> ValidationRecords(StackScope scope, Value zoneId, IReadOnlyDictionary<string, Resource> certificates)
    {
        var fqdns = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (region, cert) in certificates)
        {
            var record = scope.Aws($"cert-{region}-record", "aws:route53/record:Record", Expr.Map(
                ("zoneId", zoneId),
                ("name", cert.Output("domainValidationOptions[0].resourceRecordName")),
                ("type", cert.Output("domainValidationOptions[0].resourceRecordType")),
                ("records", Expr.List(cert.Output("domainValidationOptions[0].resourceRecordValue"))),
                ("ttl", 60),
                // The same name in every region of one account: each region's record writes the same value.
                ("allowOverwrite", true)), scope.Context.PrimaryRegion);
            fqdns[region] = Expr.List(record.Output("fqdn"));
        }
        return fqdns;
    }

    /// <summary>Adds the routing records for <paramref name="computes"/> in the zone <paramref name="zoneId"/>.</summary>
    public static void Add(StackScope scope, Value zoneId, IReadOnlyList<RegionalCompute> computes)
    {
        var primary = scope.Context.PrimaryRegion;
        var health = scope.Context.Config.Deployment.HealthCheck;

        var healthChecks = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var c in computes)
        {
            var host = $"{c.Region}.{scope.Domain}";
            if (c.LoadBalancer is { } alb)
            {
                Alias(scope, $"dns-{c.Region}", zoneId, host, alb, primary);
                foreach (var color in c.ColorHosts.Keys)
                    Alias(scope, $"dns-{color}-{c.Region}", zoneId, c.ColorHosts[color], alb, primary);
            }
            else if (scope.Context.IsBlueGreen)
            {
                foreach (var color in scope.Context.Colors)
                {
                    var weightKey = color == "blue" ? TrafficWeights.BlueWeightKey : TrafficWeights.GreenWeightKey;
                    scope.Aws($"dns-{c.Region}-{color}-weighted", "aws:route53/record:Record", Expr.Map(
                        ("zoneId", zoneId), ("name", host), ("type", "CNAME"), ("ttl", 60),
                        ("setIdentifier", color),
                        ("weightedRoutingPolicies", Expr.List(Expr.Map(("weight", Expr.Ref(weightKey))))),
                        ("records", Expr.List(c.ColorOrigins[color]))), primary);
                    Cname(scope, $"dns-{color}-{c.Region}", zoneId, $"{color}-{c.Region}.{scope.Domain}", c.ColorOrigins[color], primary);
                }
            }
            else Cname(scope, $"dns-{c.Region}", zoneId, host, c.Origin, primary);

            healthChecks[c.Region] = scope.Aws($"health-{c.Region}", "aws:route53/healthCheck:HealthCheck", Expr.Map(
                ("fqdn", host),
                ("port", 443),
                ("type", "HTTPS"),
                ("resourcePath", health.Path),
                ("failureThreshold", health.UnhealthyThreshold),
                ("requestInterval", Naming.Route53Interval(health.IntervalSeconds)),
                ("measureLatency", true),
                ("tags", Expr.Map(("Name", $"{scope.Prefix}-{c.Region}")))), primary);
        }

        var app = $"app.{scope.Domain}";
        if (computes.Count == 1)
            Cname(scope, "dns-app", zoneId, app, $"{primary}.{scope.Domain}", primary);
        else if (scope.Context.Pattern == DeploymentPattern.BlueGreen)
        {
            // Failover: the primary serves while healthy, the first replica takes over; further regions keep their own names.
            for (var i = 0; i < 2; i++)
                scope.Aws($"dns-app-{computes[i].Region}", "aws:route53/record:Record", Expr.Map(
                    ("zoneId", zoneId), ("name", app), ("type", "CNAME"), ("ttl", 60),
                    ("setIdentifier", computes[i].Region),
                    ("failoverRoutingPolicies", Expr.List(Expr.Map(("type", i == 0 ? "PRIMARY" : "SECONDARY")))),
                    ("healthCheckId", healthChecks[computes[i].Region].Output("id")),
                    ("records", Expr.Strings([$"{computes[i].Region}.{scope.Domain}"]))), primary);
        }
        else
            foreach (var c in computes)
                scope.Aws($"dns-app-{c.Region}", "aws:route53/record:Record", Expr.Map(
                    ("zoneId", zoneId), ("name", app), ("type", "CNAME"), ("ttl", 60),
                    ("setIdentifier", c.Region),
                    ("latencyRoutingPolicies", Expr.List(Expr.Map(("region", c.Region)))),
                    ("healthCheckId", healthChecks[c.Region].Output("id")),
                    ("records", Expr.Strings([$"{c.Region}.{scope.Domain}"]))), primary);

        // Suspended tenants get no route (their data stays); deleted tenants have nothing.
        foreach (var tenant in scope.Context.Tenants.Where(t => t.Status == TenantStatus.Active))
        {
            Cname(scope, $"tenant-{tenant.Slug}", zoneId, $"{tenant.Subdomain}.{scope.Domain}", app, primary, ttl: 300);
            if (tenant.CustomDomain is { } custom)
                scope.Diagnostics.Add(Diagnostic.Info("TK-STACK-CUSTOM-DOMAIN",
                    $"Tenant '{tenant.Id}' has custom domain '{custom}': with the aws edge the tenant points a CNAME at {tenant.Subdomain}.{scope.Domain} and the certificate must cover it; the cloudflare edge issues it automatically."));
        }
    }

    private static void Alias(StackScope scope, string name, Value zoneId, string host, Resource alb, string region) =>
        scope.Aws(name, "aws:route53/record:Record", Expr.Map(
            ("zoneId", zoneId), ("name", host), ("type", "A"),
            ("aliases", Expr.List(Expr.Map(("name", alb.Output("dnsName")), ("zoneId", alb.Output("zoneId")), ("evaluateTargetHealth", true))))), region);

    private static void Cname(StackScope scope, string name, Value zoneId, string host, Value target, string region, int ttl = 60) =>
        scope.Aws(name, "aws:route53/record:Record", Expr.Map(
            ("zoneId", zoneId), ("name", host), ("type", "CNAME"), ("ttl", ttl), ("records", Expr.List(target))), region);
}
