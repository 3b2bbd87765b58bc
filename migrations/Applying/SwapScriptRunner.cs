using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database;
using Toolkit.Database.Scripts;
using Toolkit.Migrations.Planning;

namespace Toolkit.Migrations.Applying;

/// <summary>
/// Runs a plan's swap database scripts with the database engine (<c>database/</c>, Toolkit.Database) against one
/// PostgreSQL database. Each script commits together with its row in the journal table
/// <see cref="JournalTable"/>, under a name that carries the plan id (<c>0001_&lt;plan&gt;_label.sql</c>), so
/// a process killed at any point leaves the journal telling exactly which scripts ran, and plans never
/// collide. When a rollback leaves nothing of any plan applied and the journal only ever held this plan,
/// the journal table is dropped too: the database is then exactly as before the apply (the history stays
/// in the repository's migration journal).
/// </summary>
public sealed class SwapScriptRunner(string connectionString, string planId) : IMigrationScriptRunner
{
    /// <summary>The journal table, in the connection's default schema.</summary>
    public const string JournalTable = "toolkit_swap_journal";

    private string PlanToken => planId.StartsWith("mp-", StringComparison.Ordinal) ? planId[3..] : planId;

    /// <summary>The name a plan script is journaled under.</summary>
    public string JournalName(string scriptId)
    {
        var name = ScriptName.Parse(scriptId[(scriptId.LastIndexOf('/') + 1)..]);
        return $"{name.Version}_{PlanToken}_{name.Label}.sql";
    }

    /// <inheritdoc/>
    public async Task CheckAsync(IReadOnlyList<PreparedScript> scripts, CancellationToken cancellationToken)
    {
        var engine = Engine(scripts);
        ScriptPlan plan;
        try { plan = await engine.PlanAsync(cancellationToken); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw Refusal($"cannot connect to {engine.Configuration.Engine.DisplayConnection}: {e.Message}");
        }
        if (plan.Refusal != ScriptFailure.None) throw Refusal(plan.RefusalMessage!);
    }

    /// <inheritdoc/>
    public async Task UpAsync(PreparedScript script, CancellationToken cancellationToken)
    {
        var result = await Engine([script]).MigrateAsync(cancellationToken);
        if (!result.Successful) throw Refusal(result.Error!);
    }

    /// <inheritdoc/>
    public async Task DownAsync(PreparedScript script, CancellationToken cancellationToken)
    {
        var engine = Engine([script]);
        var result = await engine.RollbackScriptsAsync([JournalName(script.Id)], cancellationToken);
        if (!result.Successful) throw Refusal(result.Error!);
        if ((await engine.StatusAsync(cancellationToken)).Applied.Count == 0) await DropJournalIfOnlyOursAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> IsAppliedAsync(string scriptId, CancellationToken cancellationToken)
    {
        var status = await Engine([]).StatusAsync(cancellationToken);
        var name = JournalName(scriptId);
        return status.Applied.Any(a => a.Name == name);
    }

    private ScriptEngine Engine(IReadOnlyList<PreparedScript> scripts) =>
        ScriptEngineBuilder.For(connectionString)
            .WithJournal(null, JournalTable)
            .IgnoringForeignJournals()
            .WithScripts(scripts.Select(s => new DatabaseScript(JournalName(s.Id), s.Script.Up, s.Script.Down) { SourcePath = s.Id }))
            .Build();

    private async Task DropJournalIfOnlyOursAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Journal names are VERSION_PLAN_LABEL.sql, so the second part says whose a row is.
        command.CommandText = $"LOCK TABLE {JournalTable} IN ACCESS EXCLUSIVE MODE; SELECT count(*) FROM {JournalTable} WHERE split_part(script_name, '_', 2) <> @token";
        command.Parameters.AddWithValue("token", PlanToken);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = $"DROP TABLE {JournalTable}";
            command.Parameters.Clear();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static DiagnosticException Refusal(string message) =>
        new(Diagnostic.Error("MIG049", "database script: " + message));
}
