using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Toolkit.Transforms.Tests.Behaviour.StandIns;

/// <summary>
/// One S3 object request as the stand-in saw it: what was stored or read, and how it was signed (the region of the
/// SigV4 credential scope, and the payload mode: a SHA-256, <c>UNSIGNED-PAYLOAD</c> or a <c>STREAMING-*</c> form).
/// </summary>
public sealed record ObjectRequest(string Method, string Path, string? ContentType, string Payload, string? Region, string? PayloadSigning, bool AwsChunked);

/// <summary>
/// S3 (and R2, which speaks the same API) for PUT and GET object, path-style, kept in memory: decodes
/// <c>aws-chunked</c> bodies, checks a signed payload's SHA-256 against the body (a mismatch answers 400 as S3 does).
/// </summary>
public sealed partial class S3StandIn
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> _objects = new(StringComparer.Ordinal);

    private S3StandIn(StandInServer server) => Server = server;

    /// <summary>The HTTP server (its <c>Url</c> is the endpoint to give the app).</summary>
    public StandInServer Server { get; }

    /// <summary>Starts an empty stand-in on HTTPS (the SDK sends unsigned payloads only over HTTPS, as R2 needs).</summary>
    public static async Task<S3StandIn> StartAsync(LoopbackCertificate certificate)
    {
        S3StandIn? standIn = null;
        var server = await StandInServer.StartAsync(r => standIn!.Answer(r), certificate.Certificate);
        standIn = new S3StandIn(server);
        return standIn;
    }

    /// <summary>The object requests received, normalized.</summary>
    public IReadOnlyList<ObjectRequest> Requests => Server.Requests.Select(Normalize).ToList();

    private CannedResponse Answer(RecordedRequest request)
    {
        var normalized = Normalize(request);
        var etag = $"\"{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(normalized.Payload)))}\"";
        switch (request.Method)
        {
            case "PUT":
                if (normalized.PayloadSigning is { Length: 64 } hash && hash != Convert.ToHexStringLower(SHA256.HashData(request.Body)))
                    return Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
                _objects[request.Path] = (Encoding.UTF8.GetBytes(normalized.Payload), normalized.ContentType ?? "binary/octet-stream");
                return new CannedResponse(200, "application/xml", [""], new Dictionary<string, string> { ["ETag"] = etag });
            case "GET" when _objects.TryGetValue(request.Path.Split('?')[0], out var stored):
                return new CannedResponse(200, stored.ContentType, [Encoding.UTF8.GetString(stored.Body)], new Dictionary<string, string>
                {
                    ["ETag"] = $"\"{Convert.ToHexStringLower(MD5.HashData(stored.Body))}\"",
                    ["Last-Modified"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture),
                });
            case "GET":
                return Error(404, "NoSuchKey", "The specified key does not exist.");
            default:
                return Error(501, "NotImplemented", $"{request.Method} is not served by this stand-in.");
        }
    }

    private static CannedResponse Error(int status, string code, string message) =>
        new(status, "application/xml", [$"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>"]);

    private static ObjectRequest Normalize(RecordedRequest request)
    {
        var chunked = request.Header("content-encoding")?.Contains("aws-chunked", StringComparison.Ordinal) == true;
        var body = chunked ? DecodeChunks(request.Body) : request.Body;
        var region = request.Header("authorization") is { } auth && Scope().Match(auth) is { Success: true } m ? m.Groups["region"].Value : null;
        return new ObjectRequest(request.Method, request.Path.Split('?')[0], request.Method == "PUT" ? request.Header("content-type") : null,
            Encoding.UTF8.GetString(body), region, request.Header("x-amz-content-sha256"), chunked);
    }

    // aws-chunked: "HEX[;chunk-signature=...]\r\nDATA\r\n" until a zero-size chunk, then optional trailers.
    private static byte[] DecodeChunks(byte[] body)
    {
        using var decoded = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var end = IndexOfCrLf(body, at);
            var header = Encoding.ASCII.GetString(body, at, end - at);
            var size = int.Parse(header.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at = end + 2;
            if (size == 0) break;
            decoded.Write(body, at, size);
            at += size + 2;
        }
        return decoded.ToArray();
    }

    private static int IndexOfCrLf(byte[] body, int from)
    {
        for (var i = from; i + 1 < body.Length; i++) if (body[i] == '\r' && body[i + 1] == '\n') return i;
        throw new InvalidDataException("aws-chunked body without a chunk header end");
    }

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/(?<region>[^/]+)/s3/aws4_request")]
    private static partial Regex Scope();
}
