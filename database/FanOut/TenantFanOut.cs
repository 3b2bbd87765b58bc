using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Backups;
using Toolkit.Database.Engines.Postgres;
using Toolkit.Database.Execution;
using Toolkit.Database.Isolation;
using Toolkit.Database.Journal;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.FanOut;

/// <summary>
/// Applies pending scripts to every registered tenant (schema or database; the shared tables under rls). The
/// scripts are read and linted once per run. Schema-per-tenant tenants share one journal,
/// <c>toolkit.script_journal</c> (a <c>target</c> column, no table per tenant), read for every pending tenant in one
/// query; a tenant migrated before that journal existed keeps its own <c>toolkit_journal</c>. One bulk query on
/// <c>toolkit.tenant_state</c> finds tenants already at the scripts' fingerprint and skips them; the fingerprint is
/// written in batches, after the batch's grants were checked and only after its run committed, so a stale state can
/// only cause a re-check, never a skipped script. New tables carry the tenant's grants through default privileges
/// (no per-tenant <c>GRANT ... ON ALL TABLES</c>). Each tenant's pending scripts run through DbUp as one pipelined
/// batch (a transaction per script, one round trip); a failure in one tenant leaves the others and every journal
/// consistent, and a rerun resumes from the journal.
/// </summary>
public sealed class TenantFanOut(string adminConnectionString, IScriptProvider scripts, IScriptLog? log = null)
{
    private const int GrantBatch = 1000;
    private readonly TenantRegistry _registry = new(adminConnectionString);

    /// <summary>SHA-256 over every script's name and checksum: equal fingerprints mean equal applied sets.</summary>
    public static string Fingerprint(IEnumerable<DatabaseScript> scripts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(scripts.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"{s.Name}:{s.Checksum}\n")))));

    /// <summary>True when <paramref name="tenantId"/> belongs to shard <paramref name="shard"/> of <paramref name="shards"/> (1-based): a hash of the id, so the assignment never moves when tenants are added.</summary>
    public static bool InShard(string tenantId, int shard, int shards) =>
        shards <= 1 || (int)(BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId)), 0) % (ulong)shards) == shard - 1;

    /// <summary>Runs the fan-out.</summary>
    public async Task<FanOutSummary> RunAsync(FanOutOptions options, IFanOutProgress? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Parallel < 1) throw new DiagnosticException(Diagnostic.Error("db-fanout", $"--parallel must be at least 1, not {options.Parallel}."));
        if (options.Canary < 0) throw new DiagnosticException(Diagnostic.Error("db-fanout", $"--canary must not be negative, not {options.Canary}."));
        if (options.Shards < 1 || options.Shard < 1 || options.Shard > options.Shards)
            throw new DiagnosticException(Diagnostic.Error("db-fanout", $"--shard {options.Shard}/{options.Shards} is not K/N with 1 <= K <= N."));
        var clock = new PhaseClock();
        var all = scripts.GetScripts();
        var once = new InMemoryScriptProvider(all);
        var fingerprint = Fingerprint(all);
        var (tenants, upToDate) = await _registry.ListWithStateAsync(fingerprint, cancellationToken);
        if (tenants.Count == 0)
            throw new DiagnosticException(Diagnostic.Error("db-fanout", "no tenants are registered in this database: run 'toolkit db provision' first."));
        clock.Mark("registry");
        // Under rls every tenant shares the tables in schema app: one target stands for all of them. A platform
        // may mix levels (tenants[].isolation): the schema and database tenants are targets of their own.
        var sharedRls = tenants.FirstOrDefault(t => t.Isolation == IsolationLevel.Rls);
        var targets = tenants.Where(t => t.Isolation != IsolationLevel.Rls || t == sharedRls).Where(t => InShard(t.Id, options.Shard, options.Shards)).ToList();
        var pending = targets.Where(t => !upToDate.Contains(t.Id)).ToList();
        if (pending.Count == 0 && !options.DryRun && options.Shards == 1)
        {
            // The no-op: every tenant is skipped; their results are recorded server-side (no ids travel) while the summary is built.
            progress?.Start(0, targets.Count);
            var recording = RecordAsync(tenants, sharedRls, new Dictionary<string, TenantRunOutcome>(), fingerprint);
            var skipped = targets.Select(t => new TenantRunOutcome(Label(t), TenantRunState.Skipped, [], null, null)).OrderBy(o => o.TenantId, StringComparer.Ordinal).ToList();
            clock.Mark("outcomes");
            await recording;
            clock.Mark("record");
            return new FanOutSummary(skipped, null, []) { Phases = clock.Phases };
        }
        var outcomes = new ConcurrentDictionary<string, TenantRunOutcome>(Environment.ProcessorCount, targets.Count, StringComparer.Ordinal);
        foreach (var t in targets.Where(t => upToDate.Contains(t.Id)))
            outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.Skipped, [], null, null);
        progress?.Start(pending.Count, outcomes.Count);
        if (options.DryRun)
        {
            foreach (var t in pending) outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.Pending, [], null, null);
            return Summary(outcomes, null, [], clock);
        }
        if (pending.Count == 0)
        {
            clock.Mark("outcomes");
            await RecordAsync(tenants, sharedRls, outcomes);
            clock.Mark("record");
            return Summary(outcomes, null, [], clock);
        }
        var journals = await SharedJournalsAsync(pending, cancellationToken);
        clock.Mark("journals");
        // Plan once on the first pending tenant: a changed script or a blocking lint finding stops everything before any change.
        var (firstTarget, firstSchema) = pending[0].AdminTarget(adminConnectionString);
        var plan = await Engine(pending[0], firstTarget, firstSchema, once, journals)
            .AllowChangedScripts(options.AllowChanged).AllowDestructiveChanges(options.AllowDestructive).Build().PlanAsync(cancellationToken);
        if (plan.Refusal != ScriptFailure.None)
        {
            foreach (var t in pending) outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.NotStarted, [], plan.RefusalMessage, plan.RefusedScript);
            await RecordAsync(tenants, sharedRls, outcomes);
            return Summary(outcomes, null, [], clock) with { Refusal = plan.RefusalMessage, Diagnostics = plan.Diagnostics };
        }
        clock.Mark("plan");
        string? backup = null;
        if (options.BackupDirectory is not null)
        {
            backup = await PgDump.DumpTenantsAsync(adminConnectionString, pending, options.BackupDirectory, cancellationToken);
            if (File.Exists(backup) && journals.Count > 0) await PgDump.MarkJournalAsync(adminConnectionString, backup, cancellationToken);
            clock.Mark("backup");
        }
        var executed = new ConcurrentBag<ExecutedScript>();
        var grants = new GrantBatcher(adminConnectionString, fingerprint);
        await GrantBatcher.EnsureDefaultPrivilegesAsync(adminConnectionString, pending, cancellationToken);
        clock.Mark("default privileges");
        var canary = pending.Take(options.Canary).ToList();
        var rest = pending.Skip(options.Canary).ToList();
        var stop = false;
        foreach (var tenant in canary)
        {
            var outcome = await MigrateTenantAsync(tenant, options, once, journals, grants, executed, cancellationToken);
            await grants.FlushAsync(cancellationToken);
            outcomes[tenant.Id] = outcome;
            progress?.Finished(outcome);
            if (outcome.State == TenantRunState.Failed) { stop = true; break; }
        }
        if (!stop)
        {
            await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = CancellationToken.None }, async (tenant, _) =>
            {
                if (cancellationToken.IsCancellationRequested) return;
                var outcome = await MigrateTenantAsync(tenant, options, once, journals, grants, executed, cancellationToken);
                outcomes[tenant.Id] = outcome;
                progress?.Finished(outcome);
            });
        }
        clock.Mark("tenants");
        await grants.FlushAsync(CancellationToken.None);
        clock.Mark("grants and state");
        foreach (var t in pending.Where(t => !outcomes.ContainsKey(t.Id)))
            outcomes[t.Id] = new TenantRunOutcome(Label(t), TenantRunState.NotStarted, [], stop ? "not started: a canary tenant failed" : "not started: cancelled", null);
        await RecordAsync(tenants, sharedRls, outcomes);
        clock.Mark("record");
        return Summary(outcomes, backup, executed.ToList(), clock);
    }

    /// <summary>Keeps each target's outcome as its last fan-out result; the shared rls run's is every rls tenant's.</summary>
    private async Task RecordAsync(IReadOnlyList<RegisteredTenant> tenants, RegisteredTenant? sharedRls, IReadOnlyDictionary<string, TenantRunOutcome> outcomes, string? allSkippedAt = null)
    {
        if (allSkippedAt is not null)
        {
            // Nothing was pending in any shard: every registered tenant (the rls ones through the shared target) was skipped.
            try { await _registry.RecordRunsAsync(outcomes, CancellationToken.None, allSkippedAt); }
            catch (PostgresException e) { log?.Error($"the fan-out ran, but its results could not be kept in toolkit.tenant_runs: {e.MessageText}"); }
            return;
        }
        var byTenant = new Dictionary<string, TenantRunOutcome>(StringComparer.Ordinal);
        foreach (var t in tenants)
        {
            var key = t.Isolation == IsolationLevel.Rls ? sharedRls?.Id : t.Id;
            if (key is not null && outcomes.TryGetValue(key, out var outcome)) byTenant[t.Id] = outcome;
        }
        try { await _registry.RecordRunsAsync(byTenant, CancellationToken.None); }
        catch (PostgresException e) { log?.Error($"the fan-out ran, but its results could not be kept in toolkit.tenant_runs: {e.MessageText}"); }
    }

    private async Task<TenantRunOutcome> MigrateTenantAsync(RegisteredTenant tenant, FanOutOptions options, IScriptProvider once,
        IReadOnlyDictionary<string, IReadOnlyList<JournalEntry>> journals, GrantBatcher grants, ConcurrentBag<ExecutedScript> executed, CancellationToken cancellationToken)
    {
        var (target, schema) = tenant.AdminTarget(adminConnectionString);
        try
        {
            var result = await Engine(tenant, target, schema, once, journals).WithPipelinedScripts()
                .WithStatementTimeout(options.StatementTimeout)
                .AllowChangedScripts(options.AllowChanged).AllowDestructiveChanges(options.AllowDestructive)
                .Build().MigrateAsync(cancellationToken);
            foreach (var e in result.Executed) executed.Add(e);
            if (!result.Successful)
            {
                log?.Error($"tenant {tenant.Id}: {result.Error}");
                if (result.Executed.Count > 0) await TenantProvisioner.GrantAsync(adminConnectionString, tenant, CancellationToken.None);
                await _registry.SetStateAsync([tenant.Id], null, CancellationToken.None);
                return new TenantRunOutcome(Label(tenant), TenantRunState.Failed, result.Executed.Select(e => e.Name).ToList(), result.Error, result.FailingScript);
            }
            if (tenant.Isolation == IsolationLevel.SchemaPerTenant) await grants.AddAsync(tenant, cancellationToken);
            else
            {
                await TenantProvisioner.GrantAsync(adminConnectionString, tenant, cancellationToken);
                await _registry.SetStateAsync([tenant.Id], grants.Fingerprint, cancellationToken);
            }
            return new TenantRunOutcome(Label(tenant), result.Executed.Count > 0 ? TenantRunState.Applied : TenantRunState.Skipped, result.Executed.Select(e => e.Name).ToList(), null, null);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            log?.Error($"tenant {tenant.Id}: {e.Message}");
            return new TenantRunOutcome(Label(tenant), TenantRunState.Failed, [], e.Message, null);
        }
    }

    /// <summary>
    /// The shared journal's rows of every pending schema-per-tenant tenant, read in one query (the table is created
    /// here when missing, once). Tenants with a journal of their own from before are left out: they keep using it.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<JournalEntry>>> SharedJournalsAsync(IReadOnlyList<RegisteredTenant> pending, CancellationToken cancellationToken)
    {
        var shared = pending.Where(t => t.Isolation == IsolationLevel.SchemaPerTenant).ToList();
        var result = new Dictionary<string, IReadOnlyList<JournalEntry>>(StringComparer.Ordinal);
        if (shared.Count == 0) return result;
        var engine = new PostgresEngine(adminConnectionString);
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(engine.CreateJournalSql(JournalTable.Shared("")), connection)) await create.ExecuteNonQueryAsync(cancellationToken);
        var legacy = new HashSet<string>(StringComparer.Ordinal);
        await using (var own = new NpgsqlCommand("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'toolkit_journal' AND n.nspname = ANY(@schemas)", connection))
        {
            own.Parameters.AddWithValue("schemas", shared.Select(t => t.Schema).ToArray());
            await using var reader = await own.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) legacy.Add(reader.GetString(0));
        }
        var rows = shared.Where(t => !legacy.Contains(t.Schema)).ToDictionary(t => t.Id, _ => new List<JournalEntry>(), StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT target, script_name, checksum, applied_at, duration_ms, direction FROM toolkit.script_journal WHERE target = ANY(@ids) ORDER BY id", connection))
        {
            read.Parameters.AddWithValue("ids", rows.Keys.ToArray());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows[reader.GetString(0)].Add(new JournalEntry(reader.GetString(1), reader.GetString(2), new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)),
                    TimeSpan.FromMilliseconds(reader.GetInt64(4)), reader.GetString(5) == "down" ? ScriptDirection.Down : ScriptDirection.Up));
        }
        foreach (var (id, entries) in rows) result[id] = entries;
        return result;
    }

    private static ScriptEngineBuilder Engine(RegisteredTenant tenant, string target, string schema, IScriptProvider provider, IReadOnlyDictionary<string, IReadOnlyList<JournalEntry>> journals)
    {
        var builder = TenantEngine(tenant, target, schema, provider);
        if (journals.TryGetValue(tenant.Id, out var known)) builder = builder.WithKnownJournal(known);
        else if (tenant.Isolation == IsolationLevel.SchemaPerTenant) builder = builder.WithJournal(new JournalTable(schema));
        return builder;
    }

    /// <summary>
    /// The engine for one tenant: its schema, its journal (schema-per-tenant: the shared <c>toolkit.script_journal</c>;
    /// otherwise <c>toolkit_journal</c> in the tenant's schema), and the variables <c>$tenant_schema$</c> (identifier)
    /// and, except under rls, <c>$tenant_id$</c> (literal).
    /// </summary>
    public static ScriptEngineBuilder TenantEngine(RegisteredTenant tenant, string target, string schema, IScriptProvider provider)
    {
        var builder = TenantVariables(ScriptEngineBuilder.For(target).WithScripts(provider).InSchema(schema).IgnoringForeignJournals(), tenant, schema);
        return tenant.Isolation == IsolationLevel.SchemaPerTenant ? builder.WithJournal(JournalTable.Shared(tenant.Id)) : builder;
    }

    /// <summary>Adds the per-tenant variables scripts may use.</summary>
    public static ScriptEngineBuilder TenantVariables(ScriptEngineBuilder builder, RegisteredTenant tenant, string schema)
    {
        builder = builder.WithVariable(ScriptVariable.Identifier("tenant_schema", schema));
        return tenant.Isolation == IsolationLevel.Rls ? builder : builder.WithVariable(ScriptVariable.Literal("tenant_id", tenant.Id));
    }

    /// <summary>Under rls one run migrates the shared tables of every tenant: the summary says so.</summary>
    private static string Label(RegisteredTenant tenant) => tenant.Isolation == IsolationLevel.Rls ? SharedTarget : tenant.Id;

    /// <summary>The summary's name for the shared rls tables.</summary>
    public const string SharedTarget = "(shared rls tables)";

    private static FanOutSummary Summary(ConcurrentDictionary<string, TenantRunOutcome> outcomes, string? backup, IReadOnlyList<ExecutedScript> executed, PhaseClock clock) =>
        new(outcomes.Values.OrderBy(o => o.TenantId, StringComparer.Ordinal).ToList(), backup, executed) { Phases = clock.Phases };

    /// <summary>
    /// Schema-per-tenant grants and state rows, written for up to <see cref="GrantBatch"/> tenants in one script
    /// (through DbUp, one transaction) instead of two connections per tenant. The tables a tenant's scripts create
    /// already carry its grants (default privileges, <c>schema/tenant_add.sql</c>), so the script only checks that
    /// in one catalog pass for the batch (<c>schema/grants_batch.sql</c>), granting what is missing, and writes the
    /// state rows: no <c>GRANT ... ON ALL TABLES</c> (a scan of <c>pg_class</c>) per tenant.
    /// </summary>
    private sealed class GrantBatcher(string adminConnectionString, string fingerprint)
    {
        private readonly object _gate = new();
        private readonly List<RegisteredTenant> _waiting = [];
        private readonly SemaphoreSlim _flush = new(1, 1);

        public string Fingerprint => fingerprint;

        /// <summary>Sets the default privileges of the schema-per-tenant tenants among <paramref name="tenants"/> that lack them (provisioned before they existed), in one script.</summary>
        public static async Task EnsureDefaultPrivilegesAsync(string adminConnectionString, IReadOnlyList<RegisteredTenant> tenants, CancellationToken cancellationToken)
        {
            var schemaTenants = tenants.Where(t => t.Isolation == IsolationLevel.SchemaPerTenant).ToList();
            if (schemaTenants.Count == 0) return;
            await Execution.DbUp.DbUpRun.RunUnjournaledAsync(new PostgresEngine(adminConnectionString), "schema/default_privileges.sql",
                IsolationSql.Load("schema/default_privileges.sql"), Arrays(schemaTenants), cancellationToken);
        }

        public async Task AddAsync(RegisteredTenant tenant, CancellationToken cancellationToken)
        {
            bool full;
            lock (_gate) { _waiting.Add(tenant); full = _waiting.Count >= GrantBatch; }
            if (full) await FlushAsync(cancellationToken);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            await _flush.WaitAsync(cancellationToken);
            try
            {
                List<RegisteredTenant> batch;
                lock (_gate) { batch = [.. _waiting]; _waiting.Clear(); }
                if (batch.Count == 0) return;
                var engine = new PostgresEngine(adminConnectionString);
                var sql = new StringBuilder(VariableSubstitution.Apply(IsolationSql.Load("schema/grants_batch.sql"), Arrays(batch), engine)).Append('\n');
                sql.Append("INSERT INTO toolkit.tenant_state (tenant_id, fingerprint, updated_at) SELECT unnest(")
                    .Append(TextArray(batch.Select(t => t.Id))).Append("), ").Append(PostgresQuoting.Literal(fingerprint))
                    .Append(", now() ON CONFLICT (tenant_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, updated_at = now();\n");
                await Execution.DbUp.DbUpRun.RunUnjournaledAsync(engine, "grants and state", sql.ToString(), [], cancellationToken);
            }
            finally { _flush.Release(); }
        }

        // The batch scripts' $schemas$ and $roles$: pairwise text arrays of literals.
        private static IReadOnlyList<ScriptVariable> Arrays(IReadOnlyList<RegisteredTenant> tenants) =>
            [ScriptVariable.Raw("schemas", TextArray(tenants.Select(t => t.Schema))), ScriptVariable.Raw("roles", TextArray(tenants.Select(t => t.Role)))];

        private static string TextArray(IEnumerable<string> values) => "ARRAY[" + string.Join(", ", values.Select(PostgresQuoting.Literal)) + "]::text[]";
    }
}
