using System.Globalization;
using Toolkit.Compliance.Resources;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Every endpoint speaks TLS 1.2 or higher (or the config's higher minimum): HTTPS listeners use a TLS 1.2+
/// policy and plain HTTP only redirects to HTTPS, CloudFront and Cloudflare enforce a TLS 1.2+ minimum,
/// caches encrypt in transit and databases force SSL.
/// </summary>
public sealed class TlsInTransitCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "tls-in-transit";
    /// <inheritdoc />
    public string Title => "TLS 1.2 or higher on every endpoint";
    /// <inheritdoc />
    public string ConfigPath => "compliance.encryption";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        var minimum = Math.Max(1.2, double.TryParse(context.Compliance.Encryption.MinimumTlsVersion, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 1.2);
        var expected = $"TLS {minimum.ToString("0.0", CultureInfo.InvariantCulture)} or higher";
        var evidence = new List<EvidenceItem>();

        foreach (var l in program.OfType("aws:lb:Listener", "aws:alb:Listener"))
        {
            var protocol = l.Text("protocol");
            if (protocol is "HTTPS" or "TLS")
            {
                var policy = l.Text("sslPolicy");
                evidence.Add(Evidence.Of(l, "sslPolicy", policy, ElbPolicyMinimum(policy) >= minimum, expected));
            }
            else
            {
                var redirects = l.Text("defaultActions[0].type") == "redirect" && l.Text("defaultActions[0].redirect.protocol") == "HTTPS";
                evidence.Add(Evidence.Of(l, "defaultActions[0].redirect.protocol", l.Text("defaultActions[0].redirect.protocol"), redirects,
                    $"{protocol} listener only redirects to HTTPS"));
            }
        }
        foreach (var d in program.OfType("aws:cloudfront:Distribution"))
        {
            var version = d.Text("viewerCertificate.minimumProtocolVersion");
            evidence.Add(Evidence.Of(d, "viewerCertificate.minimumProtocolVersion", version, VersionIn(version) >= minimum, expected));
        }
        foreach (var s in program.OfType("cloudflare:index:ZoneSetting").Where(s => s.Text("settingId") == "min_tls_version"))
            evidence.Add(Evidence.Of(s, "value", s.Text("value"), VersionIn(s.Text("value")) >= minimum, expected));
        foreach (var service in program.OfType("kubernetes:core/v1:Service").Where(s => s.Text("spec.type") == "LoadBalancer"))
        {
            const string annotation = "service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy";
            var policy = service.Get("metadata.annotations") is { ValueKind: System.Text.Json.JsonValueKind.Object } a && a.TryGetProperty(annotation, out var p)
                ? PropertyPath.Display(p) : "(absent)";
            evidence.Add(Evidence.Of(service, $"metadata.annotations[{annotation}]", policy, ElbPolicyMinimum(policy) >= minimum, expected));
        }
        foreach (var r in program.OfType("aws:elasticache:ReplicationGroup"))
            evidence.Add(Evidence.IsTrue(r, "transitEncryptionEnabled"));
        // Database SSL is evidenced only where the program sets a cluster parameter group; without one the
        // engine default applies, which the program cannot show (see docs/compliance.md, gaps).
        foreach (var group in program.OfType("aws:rds:ClusterParameterGroup"))
        {
            var forced = ForcesSsl(group);
            evidence.Add(Evidence.Of(group, "parameters[rds.force_ssl]", forced ? "1" : "(not set)", forced, "rds.force_ssl = 1"));
        }
        return CheckResult.From(Id, evidence, "no endpoints in this program");
    }

    private static bool ForcesSsl(ResourceView group) =>
        group.Get("parameters") is { ValueKind: System.Text.Json.JsonValueKind.Array } ps &&
        ps.EnumerateArray().Any(p => PropertyPath.Display(PropertyPath.Find(p, "name")) == "rds.force_ssl" && PropertyPath.Display(PropertyPath.Find(p, "value")) == "1");

    /// <summary>The minimum TLS version an ELB security policy allows (0 when unknown).</summary>
    private static double ElbPolicyMinimum(string policy) =>
        policy.Contains("TLS13-1-3", StringComparison.Ordinal) ? 1.3
        : policy.Contains("TLS13-1-2", StringComparison.Ordinal) || policy.Contains("TLS-1-2", StringComparison.Ordinal) || policy.Contains("FS-1-2", StringComparison.Ordinal) ? 1.2
        : policy.Contains("TLS-1-1", StringComparison.Ordinal) || policy.Contains("FS-1-1", StringComparison.Ordinal) ? 1.1
        : policy.StartsWith("ELBSecurityPolicy", StringComparison.Ordinal) ? 1.0 : 0;

    /// <summary>Reads <c>1.2</c>, <c>TLSv1.2_2021</c>, <c>tls1.3</c> as a number (0 when none).</summary>
    private static double VersionIn(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"1\.[0-3]");
        return match.Success ? double.Parse(match.Value, CultureInfo.InvariantCulture) : 0;
    }
}
