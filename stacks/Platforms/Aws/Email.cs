using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Patterns;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// <c>email: aws-ses</c>: per region an SES domain identity for the platform domain with Easy DKIM (2048-bit keys) and
/// a MAIL FROM domain <c>mail-REGION.DOMAIN</c> (bounces stay aligned with the domain for DMARC), and the records
/// they need in the edge's zone: three DKIM CNAMEs, the MAIL FROM MX and its SPF TXT. Identities are regional, so each
/// region sends as its own; the workload roles may send as those identities only.
/// </summary>
public static class Email
{
    /// <summary>Easy DKIM gives three tokens per identity.</summary>
    public const int DkimTokens = 3;

    /// <summary>The MAIL FROM domain of <paramref name="region"/>.</summary>
    public static string MailFromDomain(StackScope scope, string region) => $"mail-{region}.{scope.Domain}";

    /// <summary>Adds the identity of <paramref name="region"/> and its records; returns the identity.</summary>
    public static Resource Add(StackScope scope, string region, EdgeDns dns)
    {
        var domain = scope.Domain;
        var identity = scope.Aws($"ses-{region}", "aws:sesv2/emailIdentity:EmailIdentity", Expr.Map(
            ("emailIdentity", domain),
            ("dkimSigningAttributes", Expr.Map(("nextSigningKeyLength", "RSA_2048_BIT")))), region);
        for (var i = 0; i < DkimTokens; i++)
        {
            var token = identity.Output($"dkimSigningAttributes.tokens[{i}]");
            dns.Add(scope, $"ses-{region}-dkim-{i}", Expr.Join("", token, $"._domainkey.{domain}"), "CNAME", Expr.Join("", token, ".dkim.amazonses.com"));
        }
        var mailFrom = MailFromDomain(scope, region);
        scope.Aws($"ses-{region}-mail-from", "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes", Expr.Map(
            ("emailIdentity", identity.Output("emailIdentity")),
            ("mailFromDomain", mailFrom),
            ("behaviorOnMxFailure", "USE_DEFAULT_VALUE")), region);
        dns.Add(scope, $"ses-{region}-mail-from-mx", mailFrom, "MX", $"feedback-smtp.{region}.amazonses.com", priority: 10);
        dns.Add(scope, $"ses-{region}-mail-from-spf", mailFrom, "TXT", "v=spf1 include:amazonses.com ~all");
        return identity;
    }

    /// <summary>What the services of <paramref name="region"/> are told: the sending domain, region and identity.</summary>
    public static IEnumerable<(string Name, Value Value)> Environment(StackScope scope, string region, Resource identity) =>
    [
        ("EMAIL_FROM_DOMAIN", scope.Domain),
        ("EMAIL_SES_REGION", region),
        ("EMAIL_IDENTITY_ARN", identity.Output("arn")),
    ];

    /// <summary>The IAM statement letting a workload send as <paramref name="identities"/> only.</summary>
    public static Value Statement(IEnumerable<Resource> identities) => Expr.Map(
        ("Sid", "Email"), ("Effect", "Allow"),
        ("Action", Expr.Strings(["ses:SendEmail", "ses:SendRawEmail"])),
        ("Resource", Expr.List(identities.Select(i => (Value)i.Output("arn")))));
}
