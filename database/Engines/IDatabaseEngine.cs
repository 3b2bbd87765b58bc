using System.Data.Common;
using Toolkit.Database.Journal;

namespace Toolkit.Database.Engines;

/// <summary>
/// What differs between databases, and nothing more: opening a connection, quoting, the journal's DDL and
/// queries, the statement timeout and the scoping of a run to a schema. Every other part is shared.
/// </summary>
public interface IDatabaseEngine
{
    /// <summary><c>postgresql</c> or <c>sqlite</c>.</summary>
    string Name { get; }

    /// <summary>The connection string with any password replaced, for messages and logs.</summary>
    string DisplayConnection { get; }

    /// <summary>Opens a new connection.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A new, unopened connection (pooled where the driver pools), for DbUp to open and run scripts on.</summary>
    DbConnection CreateConnection();

    /// <summary>Asks the server to cancel the statement running on <paramref name="connection"/> (no-op where there is no server).</summary>
    void CancelRunning(DbConnection connection);

    /// <summary>Quotes an identifier (<c>"a""b"</c>).</summary>
    string QuoteIdentifier(string identifier);

    /// <summary>Quotes a string literal (<c>'it''s'</c>).</summary>
    string QuoteLiteral(string value);

    /// <summary>True when the engine has schemas (journal schema, search path).</summary>
    bool SupportsSchemas { get; }

    /// <summary>SQL that creates the journal table (and its schema) when missing.</summary>
    string CreateJournalSql(JournalTable table);

    /// <summary>A query returning one row when the journal table exists and none otherwise.</summary>
    string JournalExistsSql(JournalTable table);

    /// <summary>SQL run once per connection before scripts: statement timeout and search path.</summary>
    string? SessionSetupSql(TimeSpan? statementTimeout, string? searchPath);
}
