using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// An ACM certificate per region for the apex and <c>*.domain</c>, validated by DNS: the edge writes the validation
/// record, and the validation names that record's FQDN (<c>validationRecordFqdns</c>), so it waits for the record
/// instead of for an hour and a timeout.
/// </summary>
public static class Certificates
{
    /// <summary>Adds the certificate of <paramref name="region"/>.</summary>
    public static Resource Add(StackScope scope, string region) =>
        scope.Aws($"cert-{region}", "aws:acm/certificate:Certificate", Expr.Map(
            ("domainName", scope.Domain),
            ("subjectAlternativeNames", Expr.Strings([$"*.{scope.Domain}"])),
            ("validationMethod", "DNS")), region);

    /// <summary>Adds the validation of <paramref name="certificate"/>, waiting for the records at <paramref name="recordFqdns"/>.</summary>
    public static Resource Validate(StackScope scope, string region, Resource certificate, Value recordFqdns) =>
        scope.Aws($"cert-{region}-validation", "aws:acm/certificateValidation:CertificateValidation", Expr.Map(
            ("certificateArn", certificate.Output("arn")),
            ("validationRecordFqdns", recordFqdns)), region,
            new ResourceOptions { CustomTimeouts = new CustomTimeouts(Create: "45m") });
}
