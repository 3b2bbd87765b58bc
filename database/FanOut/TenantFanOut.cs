using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Backups;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.FanOut;

/// <summary>
/// Applies pending scripts to every registered tenant (schema or database; the shared tables under rls),
/// each with its own journal. One bulk query on <c>toolkit.tenant_state</c> finds tenants already at the
/// scripts' fingerprint and skips them; the fingerprint is written only after a tenant's run committed,
/// so a stale state can only cause a re-check of the tenant's journal, never a skipped script. A failure
/// in one tenant leaves the others and every journal consistent (a transaction per script); a rerun
/// resumes from the journals.
/// </summary>
public sealed class TenantFanOut(string adminConnectionString, IScriptProvider scripts, IScriptLog? log = null)
{
    private readonly TenantRegistry _registry = new(adminConnectionString);

    /// <summary>SHA-256 over every script's name and checksum: equal fingerprints mean equal applied sets.</summary>
    public static string Fingerprint(IEnumerable<DatabaseScript> scripts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(scripts.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"{s.Name}:{s.Checksum}\n")))));

    /// <summary>Runs the fan-out.</summary>
    public async Task<FanOutSummary> RunAsync(FanOutOptions options, IFanOutProgress? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Parallel < 1) throw new DiagnosticException(Diagnostic.Error("db-fanout", $"--parallel must be at least 1, not {options.Parallel}."));
        if (options.Canary < 0) throw new DiagnosticException(Diagnostic.Error("db-fanout", $"--canary must not be negative, not {options.Canary}."));
        var all = scripts.GetScripts();
        var fingerprint = Fingerprint(all);
        var tenants = await _registry.ListAsync(cancellationToken);
        if (tenants.Count == 0)
            throw new DiagnosticException(Diagnostic.Error("db-fanout", "no tenants are registered in this database: run 'toolkit db provision --config FILE' first."));
        var upToDate = await _registry.UpToDateAsync(fingerprint, cancellationToken);
        // Under rls every tenant shares the tables in schema app: one target stands for all.
        var targets = tenants[0].Isolation == IsolationLevel.Rls ? [tenants[0]] : tenants;
        var pending = targets.Where(t => !upToDate.Contains(t.Id)).ToList();
        var outcomes = new ConcurrentDictionary<string, TenantRunOutcome>(StringComparer.Ordinal);
        foreach (var t in targets.Where(t => upToDate.Contains(t.Id)))
            outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.Skipped, [], null, null);
        progress?.Start(pending.Count, outcomes.Count);
        if (options.DryRun)
        {
            foreach (var t in pending) outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.Pending, [], null, null);
            return Summary(outcomes, null, []);
        }
        if (pending.Count > 0)
        {
            // Plan once on the first pending tenant: a changed script or a blocking lint finding stops everything before any change.
            var (firstTarget, firstSchema) = pending[0].AdminTarget(adminConnectionString);
            var plan = await TenantEngine(pending[0], firstTarget, firstSchema)
                .AllowChangedScripts(options.AllowChanged).AllowDestructiveChanges(options.AllowDestructive).Build().PlanAsync(cancellationToken);
            if (plan.Refusal != ScriptFailure.None)
            {
                foreach (var t in pending) outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.NotStarted, [], plan.RefusalMessage, plan.RefusedScript);
                return Summary(outcomes, null, []) with { Refusal = plan.RefusalMessage, Diagnostics = plan.Diagnostics };
            }
        }
        string? backup = null;
        if (pending.Count > 0 && options.BackupDirectory is not null)
            backup = await PgDump.DumpTenantsAsync(adminConnectionString, pending, options.BackupDirectory, cancellationToken);
        var executed = new ConcurrentBag<ExecutedScript>();
        var canary = pending.Take(options.Canary).ToList();
        var rest = pending.Skip(options.Canary).ToList();
        var stop = false;
        foreach (var tenant in canary)
        {
            var outcome = await MigrateTenantAsync(tenant, options, fingerprint, executed, cancellationToken);
            outcomes[tenant.Id] = outcome;
            progress?.Finished(outcome);
            if (outcome.State == TenantRunState.Failed) { stop = true; break; }
        }
        if (!stop)
        {
            await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = CancellationToken.None }, async (tenant, _) =>
            {
                if (cancellationToken.IsCancellationRequested) return;
                var outcome = await MigrateTenantAsync(tenant, options, fingerprint, executed, cancellationToken);
                outcomes[tenant.Id] = outcome;
                progress?.Finished(outcome);
            });
        }
        foreach (var t in pending.Where(t => !outcomes.ContainsKey(t.Id)))
            outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.NotStarted, [], stop ? "not started: a canary tenant failed" : "not started: cancelled", null);
        return Summary(outcomes, backup, executed.ToList());
    }

    private async Task<TenantRunOutcome> MigrateTenantAsync(RegisteredTenant tenant, FanOutOptions options, string fingerprint, ConcurrentBag<ExecutedScript> executed, CancellationToken cancellationToken)
    {
        var (target, schema) = tenant.AdminTarget(adminConnectionString);
        try
        {
            var result = await TenantEngine(tenant, target, schema)
                .WithStatementTimeout(options.StatementTimeout)
                .AllowChangedScripts(options.AllowChanged).AllowDestructiveChanges(options.AllowDestructive)
                .Build().MigrateAsync(cancellationToken);
            foreach (var e in result.Executed) executed.Add(e);
            if (result.Executed.Count > 0) await TenantProvisioner.GrantAsync(adminConnectionString, tenant, cancellationToken);
            if (!result.Successful)
            {
                log?.Error($"tenant {tenant.Id}: {result.Error}");
                await _registry.SetStateAsync([tenant.Id], null, CancellationToken.None);
                return new TenantRunOutcome(Label(tenant), TenantRunState.Failed, result.Executed.Select(e => e.Name).ToList(), result.Error, result.FailingScript);
            }
            await _registry.SetStateAsync([tenant.Id], fingerprint, cancellationToken);
            return new TenantRunOutcome(Label(tenant), result.Executed.Count > 0 ? TenantRunState.Applied : TenantRunState.Skipped, result.Executed.Select(e => e.Name).ToList(), null, null);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            log?.Error($"tenant {tenant.Id}: {e.Message}");
            return new TenantRunOutcome(Label(tenant), TenantRunState.Failed, [], e.Message, null);
        }
    }

    /// <summary>The engine for one tenant: its schema, and the variables <c>$tenant_schema$</c> (identifier) and, except under rls, <c>$tenant_id$</c> (literal).</summary>
    private ScriptEngineBuilder TenantEngine(RegisteredTenant tenant, string target, string schema) =>
        TenantVariables(ScriptEngineBuilder.For(target).WithScripts(scripts).InSchema(schema), tenant, schema);

    /// <summary>Adds the per-tenant variables scripts may use.</summary>
    public static ScriptEngineBuilder TenantVariables(ScriptEngineBuilder builder, RegisteredTenant tenant, string schema)
    {
        builder = builder.WithVariable(Execution.ScriptVariable.Identifier("tenant_schema", schema));
        return tenant.Isolation == IsolationLevel.Rls ? builder : builder.WithVariable(Execution.ScriptVariable.Literal("tenant_id", tenant.Id));
    }

    /// <summary>Under rls one run migrates the shared tables of every tenant: the summary says so.</summary>
    private static string Label(RegisteredTenant tenant) => tenant.Isolation == IsolationLevel.Rls ? SharedTarget : tenant.Id;

    /// <summary>The summary's name for the shared rls tables.</summary>
    public const string SharedTarget = "(shared rls tables)";

    private static FanOutSummary Summary(ConcurrentDictionary<string, TenantRunOutcome> outcomes, string? backup, IReadOnlyList<ExecutedScript> executed) =>
        new(outcomes.Values.OrderBy(o => o.TenantId, StringComparer.Ordinal).ToList(), backup, executed);
}
