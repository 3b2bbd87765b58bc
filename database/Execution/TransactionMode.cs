namespace Toolkit.Database.Execution;

/// <summary>How scripts are wrapped in transactions: DbUp's three modes (its <c>WithTransactionPerScript</c>, <c>WithTransaction</c>, <c>WithoutTransaction</c>).</summary>
public enum TransactionMode
{
    /// <summary>Each script and its journal row commit together (default); a failure keeps earlier scripts.</summary>
    PerScript,
    /// <summary>The whole run is one transaction; a failure rolls every script of the run back.</summary>
    WholeRun,
    /// <summary>No transaction: statements commit one by one, the journal row after the script's last statement.</summary>
    None,
}
