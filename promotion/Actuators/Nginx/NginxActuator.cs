using System.Diagnostics;
using Toolkit.Core.Output;
using Toolkit.Core.Processes;

namespace Toolkit.Promotion.Actuators.Nginx;

/// <summary>
/// The <c>local</c> target: nginx (the Debian package) in front of a blue and a green upstream on this
/// machine. Each split is written as a new config, checked with <c>nginx -t</c>, moved into place
/// atomically, then nginx is started (if its pid file names no live process) or reloaded, and the
/// split is confirmed by asking nginx itself which weights it serves.
/// </summary>
public sealed class NginxActuator(NginxSite site, HttpClient client) : IActuator
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public string Name => "local";

    /// <summary>The site this actuator manages.</summary>
    public NginxSite Site => site;

    /// <inheritdoc />
    public Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        _ = Executable();
        return Task.CompletedTask;
    }

    /// <summary>Green is probed through nginx (probe requests are routed to green alone, see <see cref="NginxConfig"/>).</summary>
    public Task<IReadOnlyList<Uri>> GreenEndpointsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Uri>>([site.ListenUrl]);

    /// <inheritdoc />
    public async Task SetWeightsAsync(TrafficSplit split, CancellationToken cancellationToken)
    {
        foreach (var dir in new[] { "conf", "logs", "temp" }) Directory.CreateDirectory(Path.Combine(site.Prefix, dir));
        var candidate = site.ConfigPath + ".next";
        AtomicFile.WriteAllText(candidate, NginxConfig.Render(site, split));
        try
        {
            await RunAsync(cancellationToken, "-t", "-c", candidate);
            File.Move(candidate, site.ConfigPath, overwrite: true);
        }
        finally
        {
            File.Delete(candidate);
        }

        if (ReadPid() is { } master && ProcessExists(master))
        {
            // Workers of the old config keep accepting connections until they handle the reload's
            // quit signal; only once they are gone does every new request see the new weights.
            var oldWorkers = WorkersOf(master);
            await RunAsync(cancellationToken, "-c", site.ConfigPath, "-s", "reload");
            await WaitForExitAsync(oldWorkers, split, cancellationToken);
        }
        else await RunAsync(cancellationToken, "-c", site.ConfigPath);
        await ConfirmAsync(split, cancellationToken);
    }

    /// <summary>True when the pid file names a live nginx master.</summary>
    public bool IsRunning() => ReadPid() is { } pid && ProcessExists(pid);

    /// <summary>Stops nginx (fast shutdown) if it runs, and waits for the master to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (ReadPid() is not { } pid || !ProcessExists(pid)) return;
        await RunAsync(cancellationToken, "-c", site.ConfigPath, "-s", "stop");
        var deadline = Stopwatch.StartNew();
        while (ProcessExists(pid) && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50, cancellationToken);
    }

    private async Task WaitForExitAsync(IReadOnlyList<int> workers, TrafficSplit split, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (workers.Any(ProcessExists))
        {
            if (clock.Elapsed > ConfirmTimeout)
                throw new InvalidOperationException($"nginx at {site.Listen} still runs workers of the old config {ConfirmTimeout.TotalSeconds:0}s after the reload to {NginxConfig.Marker(split)}. See {site.ErrorLogPath}.");
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>The worker processes of nginx master <paramref name="master"/>, read from /proc (Linux).</summary>
    private static IReadOnlyList<int> WorkersOf(int master)
    {
        if (!Directory.Exists("/proc")) return [];
        var workers = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], out var parent) && parent == master) workers.Add(pid);
            }
            catch (IOException) { /* the process ended while we looked */ }
            catch (UnauthorizedAccessException) { }
        }
        return workers;
    }

    private async Task ConfirmAsync(TrafficSplit split, CancellationToken cancellationToken)
    {
        // A reload is asynchronous: old workers may answer for a moment. Wait for three answers in a row from the new config.
        var expected = NginxConfig.Marker(split);
        var url = new Uri(site.ListenUrl, NginxSite.WeightsPath);
        var clock = Stopwatch.StartNew();
        var inARow = 0;
        var last = "no answer";
        while (inARow < 3)
        {
            if (clock.Elapsed > ConfirmTimeout)
                throw new InvalidOperationException($"nginx at {site.Listen} did not take the new weights ({expected}) within {ConfirmTimeout.TotalSeconds:0}s; it answers '{last}'. See {site.ErrorLogPath}.");
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.ConnectionClose = true;
                using var response = await client.SendAsync(request, cancellationToken);
                last = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            inARow = last == expected ? inARow + 1 : 0;
            if (inARow < 3) await Task.Delay(20, cancellationToken);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var spec = ProcessSpec.For(Executable())
            .WithArguments(["-p", site.Prefix + "/", "-e", site.ErrorLogPath, .. arguments])
            .WithTimeout(TimeSpan.FromSeconds(30));
        var result = await ProcessRunner.RunAsync(spec, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"'{spec}' failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
    }

    private int? ReadPid()
    {
        try
        {
            return int.TryParse(File.ReadAllText(site.PidPath).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName.StartsWith("nginx", StringComparison.Ordinal); // a stale pid file may name another process
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false; // no such process, or it exited while we looked at it
        }
    }

    private static string Executable() =>
        ProcessRunner.FindOnPath("nginx") ?? (File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null)
        ?? throw new MissingToolException("nginx", "nginx is not installed: the local target needs it (Debian: apt-get install -y nginx).");
}
