using System.Data.Common;
using Microsoft.Data.Sqlite;
using Toolkit.Database.Engines.Postgres;
using Toolkit.Database.Journal;

namespace Toolkit.Database.Engines.Sqlite;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite, the embedded default: no server, no schemas (journal schema and
/// search path are ignored), and no server-side statement timeout (only the busy timeout applies).
/// </summary>
public sealed class SqliteEngine(string connectionString) : IDatabaseEngine
{
    /// <summary>The Microsoft.Data.Sqlite connection string.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <inheritdoc />
    public string Name => "sqlite";

    /// <inheritdoc />
    public string DisplayConnection
    {
        get
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            if (!string.IsNullOrEmpty(builder.Password)) builder.Password = "***";
            return builder.ConnectionString;
        }
    }

    /// <inheritdoc />
    public bool SupportsSchemas => false;

    /// <inheritdoc />
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (directory is not null) Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    public DbConnection CreateConnection()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);
        return new SqliteConnection(ConnectionString);
    }

    /// <inheritdoc />
    public void CancelRunning(DbConnection connection) { /* embedded: the run stops before the next script */ }

    /// <inheritdoc />
    public string QuoteIdentifier(string identifier) => PostgresQuoting.Identifier(identifier);

    /// <inheritdoc />
    public string QuoteLiteral(string value) => PostgresQuoting.Literal(value);

    /// <inheritdoc />
    public string CreateJournalSql(JournalTable table) => $"""
        CREATE TABLE IF NOT EXISTS {QuoteIdentifier(table.Table)} (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            script_name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('up', 'down')){(table.Target is null ? "" : ",\n    target TEXT NOT NULL")})
        """;

    /// <inheritdoc />
    public string JournalExistsSql(JournalTable table) =>
        $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = {QuoteLiteral(table.Table)}";

    /// <inheritdoc />
    public string? SessionSetupSql(TimeSpan? statementTimeout, string? searchPath) => "PRAGMA foreign_keys = ON";
}
