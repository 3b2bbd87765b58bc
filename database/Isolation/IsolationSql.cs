using Toolkit.Database.Engines.Postgres;
using Toolkit.Database.Execution;
using Toolkit.Database.Scripts;

namespace Toolkit.Database.Isolation;

/// <summary>
/// The isolation scripts shipped in this assembly (<c>Isolation/Scripts</c>): the journaled registry, and
/// idempotent per-level scripts run with variables (never spliced values) each time a tenant is provisioned.
/// </summary>
public static class IsolationSql
{
    private const string Prefix = "Toolkit.Database.Isolation.";

    /// <summary>The journaled registry scripts (schema <c>toolkit</c>).</summary>
    public static IScriptProvider Registry { get; } = new EmbeddedScriptProvider(typeof(IsolationSql).Assembly, Prefix + "registry/");

    /// <summary>The text of an idempotent script such as <c>rls/grants.sql</c>.</summary>
    public static string Load(string relative)
    {
        using var stream = typeof(IsolationSql).Assembly.GetManifestResourceStream(Prefix + relative)
            ?? throw new InvalidOperationException($"isolation script {relative} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Runs the embedded script <paramref name="relative"/> on <paramref name="connectionString"/> with
    /// <paramref name="variables"/>: in one transaction, or statement by statement when it must run outside one.
    /// </summary>
    public static Task RunAsync(string connectionString, string relative, IReadOnlyList<ScriptVariable> variables, CancellationToken cancellationToken) =>
        Execution.DbUp.DbUpRun.RunUnjournaledAsync(new PostgresEngine(connectionString), relative, Load(relative), variables, cancellationToken);
}
