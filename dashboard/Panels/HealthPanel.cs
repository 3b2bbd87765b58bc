using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Toolkit.Dashboard.Panels;

/// <summary>One health endpoint's last poll.</summary>
public sealed record HealthResult(string Service, string Url, string Status, int? HttpStatus, double? Milliseconds, string? LastError, DateTimeOffset? CheckedAt);

/// <summary>
/// Polls each service's health endpoint from the config (the local blue and green upstreams, and the public app and
/// regional hosts) every interval (at least 5 s): 2xx in time is healthy, 2xx slower than the rollback trigger's p95 or
/// a 3xx/4xx is degraded, 5xx or no answer is unhealthy, not yet polled is unknown.
/// </summary>
public sealed class HealthPoller(PlatformSnapshot snapshot, int intervalSeconds) : IDisposable
{
    private readonly ConcurrentDictionary<string, HealthResult> _results = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    /// <summary>Seconds between rounds.</summary>
    public int IntervalSeconds { get; } = Math.Max(5, intervalSeconds);

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var targets = Targets();
            await Task.WhenAll(targets.Select(t => PollAsync(t.Service, t.Url, cancellationToken)));
            foreach (var stale in _results.Keys.Except(targets.Select(t => t.Service))) _results.TryRemove(stale, out _);
            try { await Task.Delay(TimeSpan.FromSeconds(IntervalSeconds), cancellationToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The panel: every target with its last result (unknown before the first poll).</summary>
    public JsonNode Build() => new JsonObject
    {
        ["intervalSeconds"] = IntervalSeconds,
        ["services"] = new JsonArray(Targets().Select(t =>
        {
            var r = _results.GetValueOrDefault(t.Service) ?? new HealthResult(t.Service, t.Url, "unknown", null, null, null, null);
            return (JsonNode)new JsonObject
            {
                ["service"] = r.Service, ["url"] = r.Url, ["status"] = r.Status, ["httpStatus"] = r.HttpStatus,
                ["milliseconds"] = r.Milliseconds is { } ms ? Math.Round(ms) : null, ["lastError"] = r.LastError, ["checkedAt"] = r.CheckedAt?.ToString("O"),
            };
        }).ToArray()),
    };

    private List<(string Service, string Url)> Targets()
    {
        var (config, _, stacks) = snapshot.Current();
        if (config is null) return [];
        var path = config.Deployment.HealthCheck.Path;
        var targets = new List<(string, string)>();
        if (config.Deployment.BlueGreen.Local is { } local)
        {
            targets.Add(("local blue", $"http://{local.Blue}{local.HealthPath}"));
            targets.Add(("local green", $"http://{local.Green}{local.HealthPath}"));
        }
        targets.Add(("app", $"https://app.{config.Deployment.Domain}{path}"));
        foreach (var region in stacks.SelectMany(s => s.Context.Regions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            targets.Add(($"region {region}", $"https://{region}.{config.Deployment.Domain}{path}"));
        return targets;
    }

    private async Task PollAsync(string service, string url, CancellationToken cancellationToken)
    {
        var (config, _, _) = snapshot.Current();
        var timeout = TimeSpan.FromSeconds(config?.Deployment.HealthCheck.TimeoutSeconds ?? 5);
        var slow = config?.Deployment.BlueGreen.RollbackTriggers.MaxP95LatencyMs ?? 500;
        var clock = Stopwatch.StartNew();
        HealthResult result;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var ms = clock.Elapsed.TotalMilliseconds;
            var code = (int)response.StatusCode;
            var status = code >= 500 ? "unhealthy" : code >= 300 || ms > slow ? "degraded" : "healthy";
            result = new HealthResult(service, url, status, code, ms, status == "healthy" ? null : code >= 300 ? $"HTTP {code}" : $"slow: {ms:F0} ms > {slow} ms", DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            if (cancellationToken.IsCancellationRequested) return;
            var reason = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:F0} s" : e.Message;
            result = new HealthResult(service, url, "unhealthy", null, null, reason, DateTimeOffset.UtcNow);
        }
        _results[service] = result;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
