using System.Data.Common;
using System.Globalization;
using Npgsql;
using Toolkit.Database.Journal;

namespace Toolkit.Database.Engines.Postgres;

/// <summary>PostgreSQL through Npgsql: schemas, transactional DDL, server-side statement timeout.</summary>
public sealed class PostgresEngine(string connectionString) : IDatabaseEngine
{
    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <inheritdoc />
    public string Name => "postgresql";

    /// <inheritdoc />
    public string DisplayConnection => Redact(ConnectionString);

    /// <inheritdoc />
    public bool SupportsSchemas => true;

    /// <inheritdoc />
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    public DbConnection CreateConnection() => DataSources.GetOrAdd(ConnectionString, cs => NpgsqlDataSource.Create(cs)).CreateConnection();

    /// <inheritdoc />
    public void CancelRunning(DbConnection connection)
    {
        if (connection is not NpgsqlConnection { State: System.Data.ConnectionState.Open or System.Data.ConnectionState.Executing or System.Data.ConnectionState.Fetching } npgsql) return;
        var pid = npgsql.ProcessID;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var other = new NpgsqlConnection(ConnectionString);
                await other.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT pg_cancel_backend(@pid)", other);
                command.Parameters.AddWithValue("pid", pid);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException) { /* the statement ends anyway: the run is stopped before the next script */ }
        });
    }

    // One pool per connection string for the process: a fan-out's tenants share its physical connections.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string QuoteIdentifier(string identifier) => PostgresQuoting.Identifier(identifier);

    /// <inheritdoc />
    public string QuoteLiteral(string value) => PostgresQuoting.Literal(value);

    /// <inheritdoc />
    public string CreateJournalSql(JournalTable table)
    {
        var schema = table.Schema is { } s ? $"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(s)};\n" : "";
        return schema + $"""
            CREATE TABLE IF NOT EXISTS {Qualified(table)} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                script_name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL,
                duration_ms bigint NOT NULL,
                direction text NOT NULL CHECK (direction IN ('up', 'down')){(table.Target is null ? "" : ",\n    target text NOT NULL")})
            """ + (table.Target is null ? "" : $";\nCREATE INDEX IF NOT EXISTS {QuoteIdentifier(table.Table + "_target")} ON {Qualified(table)} (target, id)");
    }

    /// <inheritdoc />
    public string JournalExistsSql(JournalTable table) => $"SELECT to_regclass({QuoteLiteral(Qualified(table))})::text";

    /// <inheritdoc />
    public string? SessionSetupSql(TimeSpan? statementTimeout, string? searchPath)
    {
        var parts = new List<string>();
        if (statementTimeout is { } t) parts.Add($"SET statement_timeout = {((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}");
        if (searchPath is not null) parts.Add($"SET search_path = {QuoteIdentifier(searchPath)}");
        return parts.Count == 0 ? null : string.Join(";\n", parts);
    }

    /// <summary>The connection string without its password.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.Password is not null) builder.Password = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException) { return "(unreadable connection string)"; }
    }

    private string Qualified(JournalTable table) =>
        table.Schema is { } s ? $"{QuoteIdentifier(s)}.{QuoteIdentifier(table.Table)}" : QuoteIdentifier(table.Table);
}
