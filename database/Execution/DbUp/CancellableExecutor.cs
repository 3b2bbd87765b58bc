using DbUp.Engine;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>
/// DbUp's executor seam, decorated: DbUp is synchronous, so cancellation is checked before each script, and a
/// cancellation during one asks the server to cancel the running statement (<paramref name="cancelRunning"/>);
/// the script's transaction then rolls back and DbUp reports the failure.
/// </summary>
internal sealed class CancellableExecutor(IScriptExecutor inner, CancellationToken cancellationToken, Action cancelRunning, Action<string> starting) : IScriptExecutor
{
    /// <inheritdoc />
    public int? ExecutionTimeoutSeconds { get => inner.ExecutionTimeoutSeconds; set => inner.ExecutionTimeoutSeconds = value; }

    /// <inheritdoc />
    public void Execute(SqlScript script) => Execute(script, new Dictionary<string, string>());

    /// <inheritdoc />
    public void Execute(SqlScript script, IDictionary<string, string> variables)
    {
        cancellationToken.ThrowIfCancellationRequested();
        starting(script.Name);
        using var registration = cancellationToken.Register(cancelRunning);
        inner.Execute(script, variables);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public void VerifySchema() => inner.VerifySchema();
}
