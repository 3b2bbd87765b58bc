using Microsoft.Data.Sqlite;
using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Engines.Postgres;
using Toolkit.Database.Engines.Sqlite;

namespace Toolkit.Database.Engines;

/// <summary>Picks the engine for a connection string: SQLite for <c>Data Source=</c>, PostgreSQL (Npgsql form or URI) otherwise.</summary>
public static class DatabaseEngines
{
    /// <summary>The default connection: an SQLite file under <c>.toolkit/</c> in <paramref name="directory"/>.</summary>
    public static string DefaultConnection(string directory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, ".toolkit", "toolkit.db") }.ConnectionString;

    /// <summary>An engine for <paramref name="connectionString"/>; a clear error when it is neither form.</summary>
    public static IDatabaseEngine FromConnectionString(string connectionString)
    {
        var text = connectionString.Trim();
        try
        {
            if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
                return new PostgresEngine(FromUri(new Uri(text)));
            if (IsSqlite(text)) return new SqliteEngine(new SqliteConnectionStringBuilder(text).ConnectionString);
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host)) throw new ArgumentException("Host is missing");
            return new PostgresEngine(builder.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or UriFormatException)
        {
            throw new DiagnosticException(Diagnostic.Error("db-connection",
                $"--connection is neither a PostgreSQL connection string (Host=...;Database=...;Username=...) nor an SQLite one (Data Source=FILE): {e.Message}"));
        }
    }

    /// <summary>True when <paramref name="connectionString"/> names an SQLite database.</summary>
    public static bool IsSqlite(string connectionString) =>
        connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
        || connectionString.TrimStart().StartsWith("DataSource=", StringComparison.OrdinalIgnoreCase)
        || connectionString.TrimStart().StartsWith("Filename=", StringComparison.OrdinalIgnoreCase);

    private static string FromUri(Uri uri)
    {
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        };
        return builder.ConnectionString;
    }
}
