using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>How a test upstream answers.</summary>
public enum UpstreamBehaviour
{
    /// <summary>200 to everything.</summary>
    Healthy,
    /// <summary>Every fifth request (not health checks) gets a 500: a 20 % error rate.</summary>
    FailingFifth,
    /// <summary>Requests (not health checks) answer after <see cref="TestUpstream.SlowDelay"/>.</summary>
    Slow,
    /// <summary>Health checks answer 503; other requests 200.</summary>
    Unhealthy,
}

/// <summary>
/// A real HTTP/1.1 service on a free loopback port (a TcpListener answering one request per connection),
/// counting what it receives: user requests (through nginx) apart from analysis probes.
/// </summary>
public sealed class TestUpstream : IAsyncDisposable
{
    /// <summary>Delay of a slow upstream.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromMilliseconds(300);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _userRequests;
    private int _probeRequests;
    private int _sequence;

    /// <summary>Starts serving as <paramref name="name"/> with <paramref name="behaviour"/>.</summary>
    public TestUpstream(string name, UpstreamBehaviour behaviour)
    {
        Name = name;
        Behaviour = behaviour;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>blue or green.</summary>
    public string Name { get; }

    /// <summary>How it answers.</summary>
    public UpstreamBehaviour Behaviour { get; }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><c>127.0.0.1:port</c>.</summary>
    public string HostPort => $"127.0.0.1:{Port}";

    /// <summary>Requests without the probe header (users, through nginx).</summary>
    public int UserRequests => Volatile.Read(ref _userRequests);

    /// <summary>Requests carrying the analysis probe header.</summary>
    public int ProbeRequests => Volatile.Read(ref _probeRequests);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            if (head is null) return;
            var path = head.Split(' ', 3) is { Length: >= 2 } parts ? parts[1] : "/";
            var probe = head.Contains("\nX-Toolkit-Probe:", StringComparison.OrdinalIgnoreCase);
            if (probe) Interlocked.Increment(ref _probeRequests); else Interlocked.Increment(ref _userRequests);

            var health = path.StartsWith("/healthz", StringComparison.Ordinal);
            var status = 200;
            if (health && Behaviour == UpstreamBehaviour.Unhealthy) status = 503;
            if (!health && Behaviour == UpstreamBehaviour.FailingFifth && Interlocked.Increment(ref _sequence) % 5 == 0) status = 500;
            if (!health && Behaviour == UpstreamBehaviour.Slow) await Task.Delay(SlowDelay, _stop.Token);

            var body = Encoding.ASCII.GetBytes(Name + "\n");
            var response = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(response, _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (IOException) { }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0) return null;
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal)) return text;
        }
        return null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
