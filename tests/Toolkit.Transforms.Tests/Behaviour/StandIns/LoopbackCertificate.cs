using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Toolkit.Transforms.Tests.Behaviour.StandIns;

/// <summary>
/// A self-signed certificate for https://127.0.0.1, made fresh per test run, and a PEM file of it that a child
/// process trusts through <c>SSL_CERT_FILE</c> (OpenSSL's, and so .NET's on Linux, trust store override).
/// </summary>
public sealed class LoopbackCertificate : IDisposable
{
    private LoopbackCertificate(X509Certificate2 certificate, string pemPath)
    {
        Certificate = certificate;
        PemPath = pemPath;
    }

    /// <summary>The certificate with its private key, for Kestrel.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate alone, PEM, for <c>SSL_CERT_FILE</c>.</summary>
    public string PemPath { get; }

    /// <summary>Creates the certificate and writes its PEM into <paramref name="folder"/>.</summary>
    public static LoopbackCertificate Create(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var pem = Path.Combine(folder, "loopback-ca.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem() + "\n");
        return new LoopbackCertificate(certificate, pem);
    }

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();
}
