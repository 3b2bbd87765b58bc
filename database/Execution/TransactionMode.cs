namespace Toolkit.Database.Execution;

/// <summary>How scripts are wrapped in transactions.</summary>
public enum TransactionMode
{
    /// <summary>Each script and its journal row commit together (default); a failure keeps earlier scripts.</summary>
    PerScript,
    /// <summary>The whole run is one transaction; a failure rolls every script of the run back.</summary>
    WholeRun,
}
