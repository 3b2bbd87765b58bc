using System.Data;
using DbUp.Engine.Transactions;
using Toolkit.Database.Execution;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>
/// DbUp's connection seam for both engines. The connection comes from <paramref name="create"/> (Npgsql's pool, so
/// tenants of a fan-out share physical connections); <paramref name="onOpen"/> runs the session setup (search path,
/// statement timeout, SQLite's foreign keys) each time DbUp opens it. Scripts run as one command inside a
/// transaction, and statement by statement outside one (PostgreSQL refuses <c>CREATE INDEX CONCURRENTLY</c> in a
/// multi-statement command), split by our scanner, which knows dollar-quoted bodies and <c>$name$</c> variables;
/// except when <paramref name="whole"/>: a pipelined script carries its own <c>BEGIN</c>/<c>COMMIT</c> and goes as one batch.
/// </summary>
internal sealed class ScriptConnectionManager(Func<IDbConnection> create, Action<IDbConnection> onOpen, bool whole = false)
    : DatabaseConnectionManager(_ => Hook(create(), onOpen))
{
    /// <inheritdoc />
    public override IEnumerable<string> SplitScriptIntoCommands(string scriptContents) =>
        TransactionMode == global::DbUp.Engine.Transactions.TransactionMode.NoTransaction && !whole
            ? SqlScanner.Split(scriptContents).Select(s => s.Text).ToList()
            : string.IsNullOrWhiteSpace(SqlScanner.Mask(scriptContents)) ? [] : [scriptContents];

    private static IDbConnection Hook(IDbConnection connection, Action<IDbConnection> onOpen)
    {
        if (connection is System.Data.Common.DbConnection db)
            db.StateChange += (_, e) => { if (e.CurrentState == ConnectionState.Open && e.OriginalState != ConnectionState.Open) onOpen(connection); };
        return connection;
    }
}
