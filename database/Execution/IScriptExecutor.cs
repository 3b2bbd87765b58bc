using System.Data.Common;

namespace Toolkit.Database.Execution;

/// <summary>Runs one script's SQL (variables already substituted) on a connection.</summary>
public interface IScriptExecutor
{
    /// <summary>
    /// Runs <paramref name="sql"/> in <paramref name="transaction"/>; with no transaction and
    /// <paramref name="statementByStatement"/> it sends one statement at a time (required for CONCURRENTLY).
    /// </summary>
    Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, bool statementByStatement, CancellationToken cancellationToken);
}
