using System.Diagnostics;
using System.Net.Sockets;
using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>
/// A real Python server as green: the stock <c>python3 -m http.server</c> (HTTP/1.0, a new connection per request)
/// serving a directory with <c>healthz</c> and <c>index.html</c>, or a stdlib BaseHTTPRequestHandler answering every
/// GET with 503 (an unhealthy green). Disposing kills it.
/// </summary>
public sealed class PythonGreen : IDisposable
{
    private const string Unhealthy = """
        import http.server, sys
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(503); self.send_header("Content-Length", "4"); self.end_headers(); self.wfile.write(b"down")
            def log_message(self, *a): pass
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
        """;

    private readonly RunningProcess _process;
    private readonly TempDirectory _root = new("python-green");

    private PythonGreen(bool healthy)
    {
        var port = FreePort.Next();
        HostPort = $"127.0.0.1:{port}";
        File.WriteAllText(_root.Combine("healthz"), "ok\n");
        File.WriteAllText(_root.Combine("index.html"), "<p>green</p>\n");
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _process = ProcessRunner.Start(ProcessSpec.For("python3").WithWorkingDirectory(_root.Path)
            .WithArguments(healthy ? ["-m", "http.server", portText, "--bind", "127.0.0.1"] : ["-c", Unhealthy, portText]));
        WaitUntilListening(port);
    }

    /// <summary>Where it listens.</summary>
    public string HostPort { get; }

    /// <summary>Stock <c>python3 -m http.server</c>.</summary>
    public static PythonGreen Healthy() => new(healthy: true);

    /// <summary>A Python server answering 503 to everything.</summary>
    public static PythonGreen Failing() => new(healthy: false);

    /// <summary>Whether python3 is on this machine (.ci/run installs it).</summary>
    public static bool Installed => Toolkit.Core.Processes.ProcessRunner.FindOnPath("python3") is not null;

    private void WaitUntilListening(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited) throw new InvalidOperationException($"python3 exited with {_process.Completion.Result.ExitCode} before listening on {port}: {_process.Completion.Result.StandardError}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"python3 did not listen on {port} within 30 s");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _process.Dispose(); // kills it if it still runs
        _root.Dispose();
    }
}
