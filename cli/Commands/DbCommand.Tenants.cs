using System.CommandLine;
using Spectre.Console;
using Toolkit.Database;
using Toolkit.Database.Backups;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Database.Reports;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Cli.Commands;

public sealed partial class DbCommand
{
    private readonly Option<bool> _tenants = new("--tenants") { Description = "Fan out over every tenant registered in the --connection database (see 'toolkit db provision')." };
    private readonly Option<int> _parallel = new("--parallel") { Description = "Tenants migrated at once (default 4). Where the database server shares the client's cores, use the core count: on 2 cores --parallel 2 beats one psql session, 4 does not (docs/benchmarks.md).", DefaultValueFactory = _ => 4 };
    private readonly Option<int> _canary = new("--canary") { Description = "Migrate this many tenants first, one by one, and stop on any failure." };
    private readonly Option<string?> _backupDir = new("--backup-dir") { Description = "Where the pre-migration pg_dump goes (PostgreSQL). Default: .toolkit/backups." };
    private readonly Option<bool> _noBackup = new("--no-backup") { Description = "Skip the pre-migration pg_dump." };
    private readonly Option<string?> _shard = new("--shard") { Description = "K/N: migrate only the K-th of N disjoint tenant sets (a stable hash of the tenant id), so N CI jobs can run in parallel." };

    private void AddFanOutOptions(Command command)
    {
        foreach (var option in new Option[] { _tenants, _parallel, _canary, _backupDir, _noBackup, _shard }) command.Options.Add(option);
    }

    private async Task<int> FanOutAsync(ParseResult p, bool allowDestructive, string? manifest, CancellationToken ct)
    {
        var connection = RequirePostgres(p);
        IScriptProvider scripts = ScriptsOf(p) ?? Database.Baseline.BaselineScripts.For("postgresql");
        var (shard, shards) = (1, 1);
        if (p.GetValue(_shard) is { } text)
        {
            var parts = text.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], out shard) || !int.TryParse(parts[1], out shards))
                throw new Core.Diagnostics.DiagnosticException(Core.Diagnostics.Diagnostic.Error("db-fanout", $"--shard '{text}' is not K/N, such as 2/4."));
        }
        var options = new FanOutOptions
        {
            Parallel = p.GetValue(_parallel),
            Canary = p.GetValue(_canary),
            AllowDestructive = allowDestructive,
            AllowChanged = p.GetValue(_allowChanged),
            StatementTimeout = p.GetValue(_timeout) is { } s ? TimeSpan.FromSeconds(s) : null,
            BackupDirectory = p.GetValue(_noBackup) ? null : p.GetValue(_backupDir) ?? Path.Combine(Environment.CurrentDirectory, ".toolkit", "backups"),
            DryRun = p.GetValue(_dryRun),
            Shard = shard,
            Shards = shards,
        };
        var fanOut = new TenantFanOut(connection, scripts, new TextWriterScriptLog(Console.Error));
        FanOutSummary summary;
        if (Interactive)
        {
            summary = await AnsiConsole.Progress().StartAsync(async context =>
            {
                var bar = new SpectreProgress(context);
                return await fanOut.RunAsync(options, bar, ct);
            });
        }
        else summary = await fanOut.RunAsync(options, new PlainProgress(), ct);
        if (!options.DryRun && summary.Refusal is null) WriteManifest(manifest, summary.Executed);
        Console.Out.Write(p.GetValue(_json) ? FanOutReport.ToJson(summary) : FanOutReport.ToText(summary));
        foreach (var d in summary.Diagnostics) Console.Error.WriteLine(d);
        if (summary.Refusal is not null) Console.Error.WriteLine("error: " + summary.Refusal);
        return summary.Successful ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Spectre progress only on a terminal outside CI.</summary>
    internal static bool Interactive => !Console.IsOutputRedirected && !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private Command Provision()
    {
        var command = new Command("provision",
            "Provision tenant isolation from a config (architecture.isolation, tenants) on PostgreSQL: the registry, then rls (shared tables, FORCE row level security, policies, an app role without BYPASSRLS), " +
            "a schema and role per tenant, or a database and role per tenant; the baseline (or --scripts) applied with a journal per tenant. Idempotent.\n" +
            "Example: toolkit db provision --config toolkit.yaml --connection \"Host=localhost;Database=saas;Username=postgres;Password=...\"");
        var config = new Option<string>("--config") { Description = "The toolkit.yaml to read isolation and tenants from.", Required = true };
        command.Options.Add(config);
        command.Options.Add(_connection);
        command.Options.Add(_scripts);
        command.Options.Add(_json);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(async () =>
        {
            var loaded = ConfigLoader.Load(p.GetValue(config)!);
            var provisioner = new TenantProvisioner(RequirePostgres(p), p.GetValue(_scripts) is { } dir ? new FolderScriptProvider(dir) : null);
            var results = await provisioner.ProvisionAsync(loaded, ct);
            var failed = results.Where(r => !r.Migration.Successful).ToList();
            if (p.GetValue(_json))
                Console.Out.Write(ScriptReport.Json(w =>
                {
                    w.WriteString("isolation", IsolationLevels.Name(loaded.Architecture.Isolation!.Value));
                    w.WriteStartArray("targets");
                    foreach (var r in results)
                    {
                        w.WriteStartObject();
                        w.WriteString("tenant", r.Id);
                        w.WriteBoolean("successful", r.Migration.Successful);
                        w.WriteNumber("applied", r.Migration.Executed.Count);
                        if (r.Migration.Error is not null) w.WriteString("error", r.Migration.Error);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
            else
                foreach (var r in results)
                    Console.Out.WriteLine($"{r.Id}: {(r.Migration.Successful ? $"provisioned, {r.Migration.Executed.Count} script(s) applied" : "FAILED: " + r.Migration.Error)}");
            return failed.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private Command Restore()
    {
        var command = new Command("restore",
            "Put back a pre-migration dump written by 'db migrate --tenants' (its path is in the summary): the dumped schemas are dropped and restored in one transaction.\n" +
            "Example: toolkit db restore --from .toolkit/backups/toolkit-predump-20260101T000000Z.dump --connection \"Host=...\"");
        var from = new Option<string>("--from") { Description = "The dump file (or, for db-per-tenant, the directory of dumps).", Required = true };
        command.Options.Add(from);
        command.Options.Add(_connection);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(async () =>
        {
            try
            {
                var restored = await PgDump.RestoreAsync(RequirePostgres(p), p.GetValue(from)!, ct);
                foreach (var schema in restored) Console.Out.WriteLine($"restored {schema}");
                return ExitCodes.Ok;
            }
            catch (Core.Processes.ProcessNotFoundException e)
            {
                Console.Error.WriteLine($"error: {e.Message} Install the PostgreSQL client (apt-get install postgresql-client).");
                return ExitCodes.MissingTool;
            }
        }));
        return command;
    }

    private string RequirePostgres(ParseResult p)
    {
        var connection = p.GetValue(_connection);
        if (connection is null || Database.Engines.DatabaseEngines.IsSqlite(connection))
            throw new Core.Diagnostics.DiagnosticException(Core.Diagnostics.Diagnostic.Error("tenant-engine",
                "tenant isolation and dumps need PostgreSQL: pass --connection \"Host=...;Database=...;Username=...;Password=...\"."));
        Database.Engines.DatabaseEngines.FromConnectionString(connection);
        return connection;
    }

    private sealed class PlainProgress : IFanOutProgress
    {
        private int _done;
        private int _total;

        public void Start(int pendingTenants, int skippedTenants)
        {
            _total = pendingTenants;
            Console.Error.WriteLine($"{pendingTenants} tenant(s) pending, {skippedTenants} up to date");
        }

        public void Finished(TenantRunOutcome outcome)
        {
            var done = Interlocked.Increment(ref _done);
            Console.Error.WriteLine($"[{done}/{_total}] {outcome.TenantId}: {outcome.State.ToString().ToLowerInvariant()}{(outcome.Applied.Count > 0 ? $" ({outcome.Applied.Count} script(s))" : "")}{(outcome.Error is null ? "" : " - " + outcome.Error)}");
        }
    }

    private sealed class SpectreProgress(ProgressContext context) : IFanOutProgress
    {
        private ProgressTask? _task;

        public void Start(int pendingTenants, int skippedTenants) =>
            _task = context.AddTask($"migrating {pendingTenants} tenant(s) ({skippedTenants} up to date)", maxValue: Math.Max(1, pendingTenants));

        public void Finished(TenantRunOutcome outcome) => _task?.Increment(1);
    }
}
