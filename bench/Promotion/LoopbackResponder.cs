using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Toolkit.Bench.Promotion;

/// <summary>A minimal keep-alive HTTP/1.1 service on a free loopback port answering 200 to every GET (the benchmark's upstream).</summary>
internal sealed class LoopbackResponder : IAsyncDisposable
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n");
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackResponder()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string HostPort => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

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
        var stream = client.GetStream();
        var buffer = new byte[8192];
        var pending = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                var text = pending.ToString();
                int end;
                while ((end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    var head = text[..end];
                    text = text[(end + 4)..];
                    await stream.WriteAsync(Response, _stop.Token);
                    if (head.Contains("Connection: close", StringComparison.OrdinalIgnoreCase) || head.Contains("HTTP/1.0", StringComparison.Ordinal)) return;
                }
                pending.Clear().Append(text);
            }
        }
        catch (Exception) { /* client went away or benchmark ended */ }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
