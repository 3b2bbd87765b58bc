using DbUp.Engine;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>A plan step as DbUp sees it: a <see cref="SqlScript"/> whose name is unique in the run (down steps get a suffix).</summary>
internal sealed record PlannedScript(PlanStep Step, string Sql, int Order)
{
    /// <summary>DbUp's name for it.</summary>
    public string DbUpName => Step.Direction == Journal.ScriptDirection.Down ? Step.Name + " (down)" : Step.Name;

    /// <summary>The DbUp script, run once, in plan order.</summary>
    public SqlScript ToSqlScript() => new(DbUpName, Sql, new SqlScriptOptions { RunGroupOrder = Order });
}

/// <summary>DbUp's script provider seam, fed by the plan.</summary>
internal sealed class PlannedScriptProvider(IReadOnlyList<PlannedScript> scripts) : global::DbUp.Engine.IScriptProvider
{
    /// <inheritdoc />
    public IEnumerable<SqlScript> GetScripts(global::DbUp.Engine.Transactions.IConnectionManager connectionManager) => scripts.Select(s => s.ToSqlScript());
}
