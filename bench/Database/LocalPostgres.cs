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

    public static async Task<LocalPostgres> StartAsync()
    {
        var server = new LocalPostgres();
        Directory.CreateDirectory(server._root);
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); server.Port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        if (IsRoot) await Run("chown", "-R", "postgres:postgres", server._root);
        await AsServer(PgTools.Find("initdb"), "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var options = $"-c listen_addresses=127.0.0.1 -c port={server.Port} -c unix_socket_directories={server.Data} -c fsync=off -c synchronous_commit=off " +
                      "-c full_page_writes=off -c max_connections=100 -c shared_buffers=512MB -c max_locks_per_transaction=1024";
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
