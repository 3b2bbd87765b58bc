using System.Diagnostics;

namespace Toolkit.Promotion.Probes;

/// <summary>
/// Sends probe GETs to endpoints and records what came back. Every request carries
/// <see cref="ProbeHeader"/> so services (and their traffic counters) can tell probes from users.
/// </summary>
public sealed class HttpProbe(HttpClient client, TimeSpan requestTimeout)
{
    /// <summary>Header set on every probe request.</summary>
    public const string ProbeHeader = "X-Toolkit-Probe";

    /// <summary>A client suited to probing: no cookies, no proxy, short-lived pooled connections.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Response header the local target's nginx adds: nginx's <c>$upstream_header_time</c>, <c>-</c> when green sent no
    /// response (so a 502/504 nginx made itself is told apart from one green sent).
    /// </summary>
    public const string UpstreamHeaderTime = "X-Toolkit-Upstream-Header-Time";

    /// <summary>GETs <paramref name="url"/> once; a timeout or connection failure is a sample with no status and its error.</summary>
    public async Task<ProbeSample> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(ProbeHeader, "analysis");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var status = (int)response.StatusCode;
            var unreachable = status is 502 or 504 && response.Headers.TryGetValues(UpstreamHeaderTime, out var times) && times.All(t => t.Trim() == "-");
            return new ProbeSample(status, Stopwatch.GetElapsedTime(started), unreachable ? $"nginx got no response from green: HTTP {status}" : null);
        }
        catch (HttpRequestException e)
        {
            return new ProbeSample(null, Stopwatch.GetElapsedTime(started), Describe(e));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeSample(null, Stopwatch.GetElapsedTime(started), $"timeout after {requestTimeout.TotalSeconds:0.#} s");
        }
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is System.Net.Sockets.SocketException socket ? socket.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => "refused",
            System.Net.Sockets.SocketError.ConnectionReset => "reset",
            _ => socket.SocketErrorCode.ToString(),
        } : e.HttpRequestError.ToString();

    /// <summary>GETs <paramref name="url"/> <paramref name="requests"/> times, <paramref name="concurrency"/> at a time.</summary>
    public async Task<IReadOnlyList<ProbeSample>> BatchAsync(Uri url, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var samples = new ProbeSample[requests];
        var next = -1;
        async Task WorkerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
                samples[i] = await SendAsync(url, cancellationToken);
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Clamp(concurrency, 1, Math.Max(1, requests))).Select(_ => WorkerAsync()));
        return samples;
    }
}
