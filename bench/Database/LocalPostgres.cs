using System.Net;
using System.Net.Sockets;
using Toolkit.Core.Processes;
using Toolkit.Database.Backups;

namespace Toolkit.Bench.Database;

/// <summary>
/// A throw-away PostgreSQL for benchmarks: initdb into a temp directory (as user postgres when root, since
/// PostgreSQL refuses to run as root), trust auth on loopback, fsync off, stopped and deleted on dispose.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"toolkit-bench-pg-{Guid.NewGuid():N}");

    public int Port { get; private set; }

    private string Data => Path.Combine(_root, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=60;Command Timeout=0;Maximum Pool Size=64";

    /// <summary>
    /// CPU seconds the server has used so far: the postmaster's own and its reaped children's (ended backends), plus
    /// the live backends'. Deltas around a run say what the run cost the server, whatever else the machine does.
    /// </summary>
    public double ServerCpuSeconds()
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(Data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        var ticks = Ticks(pid, withChildren: true);
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var child) && child != pid && ParentOf(child) == pid) ticks += Ticks(child, withChildren: false);
        return ticks / 100.0; // USER_HZ
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
    }

    private static int ParentOf(int pid) => Stat(pid) is { } f ? int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) : -1;

    // Fields after the command: 0 state, 1 ppid, ... 11 utime, 12 stime, 13 cutime, 14 cstime.
    private static long Ticks(int pid, bool withChildren)
    {
        if (Stat(pid) is not { } f) return 0;
        long At(int i) => long.Parse(f[i], System.Globalization.CultureInfo.InvariantCulture);
        return At(11) + At(12) + (withChildren ? At(13) + At(14) : 0);
    }

    /// <summary>Starts the server; with <paramref name="statementStats"/> it loads <c>pg_stat_statements</c> (for <c>--pg-stats</c>: it costs a little on every statement).</summary>
    public static async Task<LocalPostgres> StartAsync(bool statementStats = false)
    {
        var server = new LocalPostgres();
        Directory.CreateDirectory(server._root);
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); server.Port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        if (IsRoot) await Run("chown", "-R", "postgres:postgres", server._root);
        await AsServer(PgTools.Find("initdb"), "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var options = $"-c listen_addresses=127.0.0.1 -c port={server.Port} -c unix_socket_directories={server.Data} -c fsync=off -c synchronous_commit=off " +
                      "-c full_page_writes=off -c max_connections=100 -c shared_buffers=512MB -c max_locks_per_transaction=1024" +
                      (statementStats ? " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" : "");
        await AsServer(PgTools.Find("pg_ctl"), "-D", server.Data, "-l", Path.Combine(server.Data, "server.log"), "-o", options, "-w", "-t", "60", "start");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await AsServer(PgTools.Find("pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");
        Directory.Delete(_root, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task AsServer(string tool, params string[] args) => IsRoot ? Run("runuser", ["-u", "postgres", "--", tool, .. args]) : Run(tool, args);

    private static async Task Run(string tool, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For(tool).WithArguments(args).WithTimeout(TimeSpan.FromMinutes(5)));
        if (!result.Succeeded) throw new InvalidOperationException($"{tool} failed: {result.StandardError}");
    }
}
