using System.Data.Common;

namespace Toolkit.Database.Execution;

/// <summary>The executor both engines share: one command per script, or one per statement outside a transaction.</summary>
public sealed class ScriptExecutor(TimeSpan? statementTimeout) : IScriptExecutor
{
    /// <inheritdoc />
    public async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, bool statementByStatement, CancellationToken cancellationToken)
    {
        var batches = statementByStatement ? SqlScanner.Split(sql).Select(s => s.Text).ToList() : [sql];
        foreach (var batch in batches)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = batch;
            // The server enforces the statement timeout; the client waits a little longer, or forever when none is set.
            command.CommandTimeout = statementTimeout is { } t ? (int)Math.Ceiling(t.TotalSeconds) + 5 : 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
