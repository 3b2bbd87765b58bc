using Toolkit.Core.Processes;
using Toolkit.Promotion.Actuators.Nginx;
using Toolkit.Promotion.Probes;
using Toolkit.Testing;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>
/// One machine's blue-green: a blue and a green <see cref="TestUpstream"/>, a free port for nginx, a temp
/// directory for toolkit.yaml and the nginx prefix beside it. Disposing stops nginx (by its pid file) and the upstreams.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Starts the upstreams; nginx is started by the promotion itself. <paramref name="greenHostPort"/> puts another
    /// server (a real <c>python3 -m http.server</c>) in green's place.
    /// </summary>
    public LocalSite(UpstreamBehaviour green, string stack = "dev", string? greenHostPort = null)
    {
        Stack = stack;
        Blue = new TestUpstream("blue", UpstreamBehaviour.Healthy);
        Green = new TestUpstream("green", green);
        GreenHostPort = greenHostPort ?? Green.HostPort;
        Listen = $"127.0.0.1:{FreePort.Next()}";
        Nginx = new NginxActuator(
            new NginxSite(Directory.Combine(".toolkit", "nginx", stack), Listen, Blue.HostPort, GreenHostPort, Environment.UserName == "root"),
            HttpProbe.CreateClient());
    }

    /// <summary>Where green listens (the test upstream, or the server given in its place).</summary>
    public string GreenHostPort { get; }

    /// <summary>Where toolkit.yaml and .toolkit/ live.</summary>
    public TempDirectory Directory { get; } = new("toolkit-promote");

    /// <summary>Stack name.</summary>
    public string Stack { get; }

    /// <summary>The healthy blue.</summary>
    public TestUpstream Blue { get; }

    /// <summary>Green, behaving as asked.</summary>
    public TestUpstream Green { get; }

    /// <summary>nginx's listen address.</summary>
    public string Listen { get; }

    /// <summary>The actuator the promotion uses (same prefix the CLI computes), for stopping nginx and reading its state.</summary>
    public NginxActuator Nginx { get; }

    /// <summary>Path of toolkit.yaml.</summary>
    public string ConfigPath => Directory.Combine("toolkit.yaml");

    /// <summary>Path of the promotion state file.</summary>
    public string StatePath => Directory.Combine(".toolkit", $"promotion.{Stack}.json");

    /// <summary>Sends <paramref name="count"/> user requests through nginx; returns how many reached (blue, green).</summary>
    public async Task<(int Blue, int Green)> SendThroughNginxAsync(int count)
    {
        var (blue, green) = (Blue.UserRequests, Green.UserRequests);
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{Listen}/");
            request.Headers.ConnectionClose = true;
            using var response = await _client.SendAsync(request);
        }
        return (Blue.UserRequests - blue, Green.UserRequests - green);
    }

    /// <summary>nginx is on this machine (installed by .ci/run, or apt-get install -y nginx).</summary>
    public static bool NginxInstalled => ProcessRunner.FindOnPath("nginx") is not null || File.Exists("/usr/sbin/nginx");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Nginx.StopAsync();
        await Blue.DisposeAsync();
        await Green.DisposeAsync();
        _client.Dispose();
        Directory.Dispose();
    }
}
