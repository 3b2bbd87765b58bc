using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Cloudflare;

namespace Toolkit.Stacks.Platforms.Patterns;

/// <summary>
/// Plain (never proxied) DNS records in the zone of the chosen edge: a Route 53 record in the zone <see cref="Route53Zone"/>,
/// or a Cloudflare record in <see cref="CloudflareZone"/>. For records a service asks for (DKIM, MAIL FROM), not for routing.
/// </summary>
public sealed record EdgeDns(Value? Route53Zone, ConfigDeclaration? CloudflareZone)
{
    /// <summary>TTL of the records (seconds).</summary>
    public const int Ttl = 600;

    /// <summary>Adds record <paramref name="name"/> (<paramref name="type"/>, one value; MX with <paramref name="priority"/>).</summary>
    public Resource Add(StackScope scope, string name, Value host, string type, Value content, int? priority = null)
    {
        if (CloudflareZone is { } zone)
            return scope.Program.Add(name, "cloudflare:index/dnsRecord:DnsRecord", Expr.Map(
                ("zoneId", zone.Ref),
                ("name", host),
                ("type", type),
                ("content", content),
                ("priority", priority is { } p ? (Value)p : null),
                ("ttl", Ttl),
                ("proxied", false)), new ResourceOptions { Provider = CloudflareEdge.Provider });
        return scope.Aws(name, "aws:route53/record:Record", Expr.Map(
            ("zoneId", Route53Zone!),
            ("name", host),
            ("type", type),
            ("ttl", Ttl),
            ("records", Expr.List(priority is { } mx ? WithPriority(mx, content) : content))), scope.Context.PrimaryRegion);
    }

    // Route 53 writes an MX value as "PRIORITY HOST".
    private static Value WithPriority(int priority, Value host) =>
        host is StringValue s ? $"{priority} {s.Text}" : Expr.Join(" ", $"{priority}", host);
}
