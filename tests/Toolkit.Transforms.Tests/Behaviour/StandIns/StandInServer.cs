using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Toolkit.Transforms.Tests.Behaviour.StandIns;

/// <summary>One HTTP request as a stand-in received it: method, path with query, headers and the raw body.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>What a stand-in answers: status, content type and body, written at once or as server-sent events.</summary>
public sealed record CannedResponse(int Status, string ContentType, IReadOnlyList<string> Chunks, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A JSON body.</summary>
    public static CannedResponse Json(string body) => new(200, "application/json", [body]);

    /// <summary>Server-sent events, each chunk flushed on its own (as a streaming API does).</summary>
    public static CannedResponse Events(IReadOnlyList<string> events) => new(200, "text/event-stream", events);
}

/// <summary>
/// A recorded-response server: Kestrel from the shared framework on 127.0.0.1 and a free port, recording every
/// request and answering each with what <c>answer</c> gives for it (a provider's API as a test can reach it).
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private StandInServer(WebApplication app) => _app = app;

    /// <summary>Base URL, <c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Forgets the requests received so far.</summary>
    public void Clear() => _requests.Clear();

    /// <summary>
    /// Starts serving; <paramref name="answer"/> sees each request. With <paramref name="certificate"/> it serves
    /// HTTPS (clients that refuse plain HTTP for some requests, as the AWS SDK does for unsigned payloads).
    /// </summary>
    public static async Task<StandInServer> StartAsync(Func<RecordedRequest, CannedResponse> answer, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => { if (certificate is not null) listen.UseHttps(certificate); }));
        var app = builder.Build();
        var server = new StandInServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body.ToArray());
            server._requests.Enqueue(request);
            var response = answer(request);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            if (response.Chunks.Count == 1) context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(response.Chunks[0]);
            foreach (var chunk in response.Chunks)
            {
                await context.Response.WriteAsync(chunk);
                await context.Response.Body.FlushAsync();
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = address.TrimEnd('/');
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
