using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Patterns;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Platforms.Cloudflare;

/// <summary>
/// Cloudflare edge (one explicit <c>cloudflare</c> provider, token from secret config): zone settings with the
/// compliance minimum TLS and strict SSL; a health monitor; one pool per region (for blue-green a blue and a
/// green origin weighted by <c>${blueOriginWeight}</c>/<c>${greenOriginWeight}</c>); a load balancer on
/// <c>app.domain</c> (dynamic latency across regions, ordered failover for blue-green across regions);
/// proxied DNS per region, per colour and per tenant subdomain; custom hostnames for tenants' own domains.
/// </summary>
public static class CloudflareEdge
{
    /// <summary>Name of the provider resource.</summary>
    public const string Provider = "cloudflare";

    /// <summary>Config keys the edge reads (set with <c>pulumi config set</c>; the token with <c>--secret</c>).</summary>
    public const string ApiTokenKey = "cloudflareApiToken", AccountIdKey = "cloudflareAccountId", ZoneIdKey = "cloudflareZoneId";

    /// <summary>Variable holding Cloudflare's published IPv4 ranges.</summary>
    public const string RangesVariable = "cloudflare-ipv4";

    /// <summary>
    /// Declares the provider and its config; call before anything else Cloudflare. When Cloudflare is the edge, also
    /// looks up its published IPv4 ranges (<c>cloudflare:index/getIpRanges</c>), the only sources origins admit.
    /// </summary>
    public static (ConfigDeclaration Account, ConfigDeclaration Zone) AddProvider(StackScope scope)
    {
        var token = scope.Program.Config(new ConfigDeclaration(ApiTokenKey, ConfigType.String, Secret: true));
        var account = scope.Program.Config(new ConfigDeclaration(AccountIdKey, ConfigType.String));
        var zone = scope.Program.Config(new ConfigDeclaration(ZoneIdKey, ConfigType.String));
        scope.Provider(Provider, "cloudflare", Expr.Map(("apiToken", token.Ref)));
        if (scope.Context.Config.Technologies.Edge == "cloudflare")
            scope.CloudflareRanges = scope.Program.Variable(RangesVariable, new InvokeValue("cloudflare:index/getIpRanges:getIpRanges",
                MapValue.Empty, "ipv4Cidrs", Provider)).Ref;
        return (account, zone);
    }

    /// <summary>
    /// Adds the ACM validation record (one validates the certificate in every region of an account) without the
    /// trailing dots ACM gives, which Cloudflare strips and Pulumi would otherwise show as a change on every run;
    /// returns the record's FQDN list for the validations.
    /// </summary>
    public static Value ValidationRecord(StackScope scope, Resource primaryCertificate, ConfigDeclaration zone)
    {
        var record = scope.Program.Add("cert-validation-record", "cloudflare:index/dnsRecord:DnsRecord", Expr.Map(
            ("zoneId", zone.Ref),
            ("name", Expr.WithoutTrailingDot(primaryCertificate.Output("domainValidationOptions[0].resourceRecordName"), scope.Domain)),
            ("type", "CNAME"),
            ("content", Expr.WithoutTrailingDot(primaryCertificate.Output("domainValidationOptions[0].resourceRecordValue"), AcmValidationDomain)),
            ("ttl", 60),
            ("proxied", false),
            ("comment", "ACM validation (one record validates the certificate in every region)")), new ResourceOptions { Provider = Provider });
        return Expr.List(record.Output("name"));
    }

    /// <summary>The domain ACM's validation CNAME targets live under.</summary>
    public const string AcmValidationDomain = "acm-validations.aws";

    /// <summary>Adds the edge for <paramref name="computes"/>.</summary>
    public static void Add(StackScope scope, IReadOnlyList<RegionalCompute> computes, ConfigDeclaration account, ConfigDeclaration zone)
    {
        var opts = new ResourceOptions { Provider = Provider };
        var health = scope.Context.Config.Deployment.HealthCheck;
        var p = scope.Program;
        void Setting(string name, string id, Value value) => p.Add($"zone-{name}", "cloudflare:index/zoneSetting:ZoneSetting",
            Expr.Map(("zoneId", zone.Ref), ("settingId", id), ("value", value)), opts);
        Setting("min-tls", "min_tls_version", scope.MinimumTls);
        Setting("ssl", "ssl", "strict");
        Setting("always-https", "always_use_https", "on");

        var app = $"app.{scope.Domain}";
        var monitor = p.Add("lb-monitor", "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", Expr.Map(
            ("accountId", account.Ref),
            ("type", "https"),
            ("method", "GET"),
            ("path", health.Path),
            ("interval", Math.Max(health.IntervalSeconds, 60)),
            ("timeout", health.TimeoutSeconds),
            ("retries", 2),
            ("expectedCodes", "200"),
            ("consecutiveUp", health.HealthyThreshold),
            ("consecutiveDown", health.UnhealthyThreshold),
            // Origins serve the ACM certificate of the domain: without this Host the probe asks for the load
            // balancer's own name, strict TLS fails and every pool is marked down.
            ("header", Expr.Map(("Host", Expr.Strings([app])))),
            ("description", $"{scope.Prefix} health")), opts);

        var pools = new List<Resource>();
        foreach (var c in computes)
        {
            Value origins = scope.Context.IsBlueGreen
                ? Expr.List(scope.Context.Colors.Select(color => (Value)Expr.Map(
                    ("name", color),
                    ("address", c.ColorOrigins[color]),
                    ("enabled", true),
                    ("weight", Expr.Ref(color == "blue" ? TrafficWeights.BlueOriginWeightKey : TrafficWeights.GreenOriginWeightKey)),
                    ("header", c.ColorHosts.TryGetValue(color, out var host) ? Expr.Map(("hosts", Expr.Strings([host]))) : null))))
                : Expr.List(Expr.Map(("name", c.Region), ("address", c.Origin), ("enabled", true), ("weight", 1)));
            pools.Add(p.Add($"pool-{c.Region}", "cloudflare:index/loadBalancerPool:LoadBalancerPool", Expr.Map(
                ("accountId", account.Ref),
                ("name", $"{scope.Prefix}-{c.Region}"),
                ("monitor", monitor.Output("id")),
                ("origins", origins),
                ("minimumOrigins", 1),
                ("description", $"{scope.Prefix} origins in {c.Region}")), opts, c.Region));
        }
        var steering = computes.Count > 1 && scope.Context.Pattern == DeploymentPattern.MultiRegion ? "dynamic_latency" : "off";
        p.Add("lb", "cloudflare:index/loadBalancer:LoadBalancer", Expr.Map(
            ("zoneId", zone.Ref),
            ("name", app),
            ("defaultPools", Expr.List(pools.Select(pool => (Value)pool.Output("id")))),
            ("fallbackPool", pools[0].Output("id")),
            ("proxied", true),
            ("steeringPolicy", steering),
            ("sessionAffinity", "none"),
            ("description", $"{scope.Prefix} ({(steering == "off" ? "ordered failover" : "lowest latency")})")), opts);

        foreach (var c in computes)
        {
            Record(scope, $"dns-{c.Region}", zone, $"{c.Region}.{scope.Domain}", c.Origin, opts);
            if (scope.Context.IsBlueGreen)
                foreach (var color in scope.Context.Colors)
                    Record(scope, $"dns-{color}-{c.Region}", zone, $"{color}-{c.Region}.{scope.Domain}", c.ColorOrigins[color], opts);
        }

        foreach (var tenant in scope.Context.Tenants.Where(t => t.Status == TenantStatus.Active))
        {
            Record(scope, $"tenant-{tenant.Slug}", zone, $"{tenant.Subdomain}.{scope.Domain}", app, opts);
            if (tenant.CustomDomain is { } custom)
                p.Add($"tenant-{tenant.Slug}-custom", "cloudflare:index/customHostname:CustomHostname", Expr.Map(
                    ("zoneId", zone.Ref),
                    ("hostname", custom),
                    ("customOriginServer", app),
                    ("ssl", Expr.Map(
                        ("method", "txt"),
                        ("type", "dv"),
                        ("settings", Expr.Map(("minTlsVersion", scope.MinimumTls)))))), opts);
        }
    }

    /// <summary>Adds the R2 bucket (when storage is <c>r2</c>); EU jurisdiction when GDPR applies and the primary region is in the EU.</summary>
    public static Resource AddR2Bucket(StackScope scope, ConfigDeclaration account)
    {
        var eu = scope.Context.Config.Compliance.Frameworks.Contains(ComplianceFramework.Gdpr) && scope.Context.PrimaryRegion.StartsWith("eu-", StringComparison.Ordinal);
        return scope.Program.Add("assets-r2", "cloudflare:index/r2Bucket:R2Bucket", Expr.Map(
            ("accountId", account.Ref),
            ("name", $"{scope.Prefix}-assets"),
            ("jurisdiction", eu ? "eu" : null)), new ResourceOptions { Provider = Provider, Protect = scope.Context.Stack.DeletionProtection });
    }

    private static void Record(StackScope scope, string name, ConfigDeclaration zone, string host, Value target, ResourceOptions opts) =>
        scope.Program.Add(name, "cloudflare:index/dnsRecord:DnsRecord", Expr.Map(
            ("zoneId", zone.Ref), ("name", host), ("type", "CNAME"), ("content", target), ("ttl", 1), ("proxied", true)), opts);
}
