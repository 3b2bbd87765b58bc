using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// An ACM certificate per region for the apex and <c>*.domain</c>, validated by DNS (the edge adds the
/// validation record), and the validation that waits until it is issued.
/// </summary>
public static class Certificates
{
    /// <summary>Adds the certificate of <paramref name="region"/>; returns (certificate, validation).</summary>
    public static (Resource Certificate, Resource Validation) Add(StackScope scope, string region)
    {
        var cert = scope.Aws($"cert-{region}", "aws:acm/certificate:Certificate", Expr.Map(
            ("domainName", scope.Domain),
            ("subjectAlternativeNames", Expr.Strings([$"*.{scope.Domain}"])),
            ("validationMethod", "DNS")), region);
        var validation = scope.Aws($"cert-{region}-validation", "aws:acm/certificateValidation:CertificateValidation", Expr.Map(
            ("certificateArn", cert.Output("arn"))), region);
        return (cert, validation);
    }
}
