using Xunit;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Toolkit.Core.Processes;

namespace Toolkit.Testing;

/// <summary>
/// A real, throw-away PostgreSQL server: <c>initdb</c> into a temp directory, <c>pg_ctl start</c> on a free
/// loopback port (and a unix socket in the same directory), stopped and deleted on dispose.
/// Local socket connections trust; TCP connections need a password (scram-sha-256), so roles and
/// their passwords are really checked. When tests run as root the server runs as the <c>postgres</c>
/// user, since PostgreSQL refuses to run as root. Use as an xunit class or collection fixture.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    /// <summary>Password of the superuser <c>postgres</c>.</summary>
    public const string SuperuserPassword = "fixture-superuser-pw";

    private readonly TempDirectory _root = new("toolkit-pg");

    /// <summary>Directory holding initdb, pg_ctl, pg_dump, pg_restore and psql of the installed server.</summary>
    public string BinDirectory { get; } = FindBinDirectory();

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The data directory, which is also the unix socket directory.</summary>
    public string DataDirectory => _root.Combine("data");

    /// <summary>Superuser connection string to database <paramref name="database"/> over TCP.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "postgres", Password = SuperuserPassword,
            Database = database, Pooling = false, Timeout = 30,
        }.ConnectionString;

    /// <summary>Path of a server binary such as <c>pg_dump</c>.</summary>
    public string Tool(string name) => Path.Combine(BinDirectory, name);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Port = FreePort();
        var data = DataDirectory;
        var pwfile = _root.Write("pwfile", SuperuserPassword + "\n");
        if (IsRoot)
        {
            await Run("chown", "-R", "postgres:postgres", _root.Path);
            await Run("chmod", "700", _root.Path);
        }
        await RunAsServer(Tool("initdb"), "-D", data, "-U", "postgres", "--pwfile", pwfile,
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        var options = $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={data} " +
                      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsServer(Tool("pg_ctl"), "-D", data, "-l", Path.Combine(data, "server.log"), "-o", options, "-w", "-t", "60", "start");
    }

    /// <summary>Creates an empty database and returns a superuser connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Runs one SQL command as superuser and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(DataDirectory, "global")))
            await RunAsServer(Tool("pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        _root.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsServer(string tool, params string[] args) =>
        IsRoot ? Run("runuser", ["-u", "postgres", "--", tool, .. args]) : Run(tool, args);

    private static async Task Run(string tool, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For(tool).WithArguments(args).WithTimeout(TimeSpan.FromMinutes(2)));
        if (!result.Succeeded)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("TOOLKIT_PG_BIN") is { Length: > 0 } configured) return configured;
        if (ProcessRunner.FindOnPath("initdb") is { } initdb)
        {
            var resolved = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
            return Path.GetDirectoryName(resolved)!;
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return installed is not null ? Path.Combine(installed, "bin")
            : throw new InvalidOperationException("PostgreSQL is not installed: run .ci/run or 'apt-get install postgresql'.");
    }
}
