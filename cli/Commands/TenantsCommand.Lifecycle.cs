using System.CommandLine;
using System.Text.Json;
using Toolkit.Database.Isolation;
using Toolkit.Database.Reports;
using Toolkit.Database.Scripts;
using Toolkit.Tenants.Backup;
using Toolkit.Tenants.Moving;
using Toolkit.Tenants.Offboarding;
using Toolkit.Tenants.Onboarding;
using Toolkit.Tenants.Platform;
using Toolkit.Tenants.Status;

namespace Toolkit.Cli.Commands;

/// <summary>The lifecycle verbs: onboard, suspend, resume, backup, restore, move, offboard.</summary>
public sealed partial class TenantsCommand
{
    private readonly Option<string?> _scripts = new("--scripts") { Description = "Folder of the platform's journaled scripts (default: the shipped baseline)." };

    private void AddLifecycle(Command tenants)
    {
        tenants.Subcommands.Add(Onboard());
        tenants.Subcommands.Add(Suspend(true));
        tenants.Subcommands.Add(Suspend(false));
        tenants.Subcommands.Add(BackupVerb());
        tenants.Subcommands.Add(Restore());
        tenants.Subcommands.Add(Move());
        tenants.Subcommands.Add(Offboard());
    }

    private Command Onboard()
    {
        var command = new Command("onboard",
            "Onboard a tenant by a workflow of steps (validate, config, role, place, synth, verify, connection; each with a timeout and retries): " +
            "adds it to toolkit.yaml (comments kept), creates its role and its rls access, schema or database with every script applied, synthesizes the stacks, " +
            "attacks its isolation, prints its connection string. State is saved after every step under .toolkit/tenants/onboarding/: rerun the same command to " +
            "resume a run that was killed or failed, or pass --abort to undo every step it finished.\n" +
            "Example: toolkit tenants onboard acme --name \"Acme Inc\" --plan growth --config toolkit.yaml --connection \"Host=...\"");
        var slug = Slug(command);
        var name = new Option<string?>("--name") { Description = "Display name (required unless --abort)." };
        var plan = new Option<string>("--plan") { Description = "Plan id.", DefaultValueFactory = _ => "starter" };
        var subdomain = new Option<string?>("--subdomain") { Description = "Subdomain under deployment.domain (default: the slug)." };
        var domain = new Option<string?>("--custom-domain") { Description = "A domain the tenant brings." };
        var abort = new Option<bool>("--abort") { Description = "Undo every finished step of an unfinished onboarding." };
        var show = new Option<bool>("--show-secrets") { Description = "Print the password in the connection string." };
        foreach (var o in new Option[] { name, plan, subdomain, domain, abort, show }) command.Options.Add(o);
        var (config, json) = Common(command, scripts: true);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var platform = Platform(p, config);
            var asJson = p.GetValue(json);
            var runner = new OnboardingRunner(platform, progress: asJson ? null : e => Console.Error.WriteLine($"  {e.Step}: {e.Event}{(e.Detail is null ? "" : " (" + e.Detail + ")")}"));
            if (p.GetValue(abort))
            {
                var undone = await runner.AbortAsync(p.GetValue(slug)!, ct);
                Write(asJson, $"{p.GetValue(slug)}: onboarding aborted; undid {string.Join(", ", undone)}", w =>
                {
                    w.WriteString("tenant", p.GetValue(slug));
                    w.WriteString("status", "aborted");
                    Strings(w, "undone", undone);
                });
                return ExitCodes.Ok;
            }
            if (p.GetValue(name) is not { } displayName)
                throw new Toolkit.Core.Diagnostics.DiagnosticException(Toolkit.Core.Diagnostics.Diagnostic.Error("tenant-name", "--name is required to onboard a tenant"));
            var outcome = await runner.RunAsync(new OnboardingRequest(p.GetValue(slug)!, displayName, p.GetValue(plan)!, p.GetValue(subdomain), p.GetValue(domain)), ct);
            var connection = outcome.Connection;
            if (p.GetValue(show) && await platform.RegisteredAsync(p.GetValue(slug)!, ct) is { } registered)
                connection = await TenantConnections.ForAsync(platform.Registry, registered, includePassword: true, ct);
            Write(asJson, $"{p.GetValue(slug)}: onboarded ({outcome.Ran.Count} steps run, {outcome.Skipped.Count} already done)\n{connection}", w =>
            {
                w.WriteString("tenant", p.GetValue(slug));
                w.WriteString("status", "onboarded");
                Strings(w, "ran", outcome.Ran);
                Strings(w, "skipped", outcome.Skipped);
                w.WriteStartObject("steps");
                foreach (var (id, record) in outcome.State.Steps)
                {
                    w.WriteStartObject(id);
                    w.WriteString("status", record.Status.ToString().ToLowerInvariant());
                    w.WriteNumber("attempts", record.Attempts);
                    w.WriteString("detail", record.Detail);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteString("connection", connection);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Suspend(bool suspend)
    {
        var command = new Command(suspend ? "suspend" : "resume", suspend
            ? "Suspend a tenant: its role NOLOGIN, its open sessions terminated, status: suspended in toolkit.yaml.\nExample: toolkit tenants suspend acme --config toolkit.yaml --connection \"Host=...\""
            : "Resume a suspended tenant: its role LOGIN again, status: active in toolkit.yaml.\nExample: toolkit tenants resume acme --config toolkit.yaml --connection \"Host=...\"");
        var slug = Slug(command);
        var (config, json) = Common(command, scripts: false);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var result = await new TenantSuspension(Platform(p, config)).SetAsync(p.GetValue(slug)!, suspend, ct);
            var word = suspend ? "suspended" : "active";
            Write(p.GetValue(json), $"{result.TenantId}: {word}{(suspend ? $" ({result.SessionsTerminated} sessions terminated)" : "")}", w =>
            {
                w.WriteString("tenant", result.TenantId);
                w.WriteString("status", word);
                w.WriteNumber("sessionsTerminated", result.SessionsTerminated);
                w.WriteBoolean("configChanged", result.Changed);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command BackupVerb()
    {
        var command = new Command("backup",
            "Back up one tenant's data only (its schema, its database, or under rls its rows of every tenant table) to a tar file with a manifest: tables, row counts, checksums, scripts applied.\n" +
            "Example: toolkit tenants backup acme --out backups/acme.tar --config toolkit.yaml --connection \"Host=...\"");
        var slug = Slug(command);
        var output = new Option<string>("--out") { Description = "The backup file to write.", Required = true };
        command.Options.Add(output);
        var (config, json) = Common(command, scripts: false);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var result = await new TenantBackup(Platform(p, config)).RunAsync(p.GetValue(slug)!, p.GetValue(output)!, ct);
            Write(p.GetValue(json), $"{result.Manifest.Tenant.Slug}: {result.Manifest.TotalRows} rows in {result.Manifest.Tables.Count} tables -> {result.Path} ({result.Bytes} bytes, {result.Sha256})",
                w => BackupJson(w, result));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Restore()
    {
        var command = new Command("restore",
            "Restore a tenant backup into the tenant's place (built with the platform's scripts if missing; a tenant no longer in toolkit.yaml is added back). " +
            "Refuses to overwrite live rows unless --replace; commits only when every table's rows and checksum match the manifest.\n" +
            "Example: toolkit tenants restore acme --from backups/acme.tar --config toolkit.yaml --connection \"Host=...\"");
        var slug = Slug(command);
        var from = new Option<string>("--from") { Description = "The backup file.", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Replace the tenant's live rows." };
        command.Options.Add(from);
        command.Options.Add(replace);
        var (config, json) = Common(command, scripts: true);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var result = await new TenantRestore(Platform(p, config)).RunAsync(p.GetValue(slug)!, p.GetValue(from)!, p.GetValue(replace), ct);
            Write(p.GetValue(json), $"{result.TenantId}: restored {result.Rows} rows in {result.Tables.Count} tables ({IsolationLevels.Name(result.Isolation)}), counts and checksums verified" +
                (result.AddedToConfig ? "; added back to the config" : ""), w =>
            {
                w.WriteString("tenant", result.TenantId);
                w.WriteString("isolation", IsolationLevels.Name(result.Isolation));
                w.WriteNumber("rows", result.Rows);
                w.WriteBoolean("replaced", result.Replaced);
                w.WriteBoolean("addedToConfig", result.AddedToConfig);
                Tables(w, result.Tables.Select(t => (t.Table.Name, t.Rows, t.Checksum)));
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Move()
    {
        var command = new Command("move",
            "Move one tenant to another isolation level (rls or schema-per-tenant to db-per-tenant, and back): rows copied and verified (counts and checksums), " +
            "the connection switched, tenants[].isolation written to toolkit.yaml, the old place dropped. A failure leaves the tenant where it was.\n" +
            "Example: toolkit tenants move acme --to db-per-tenant --config toolkit.yaml --connection \"Host=...\"");
        var slug = Slug(command);
        var to = new Option<string>("--to") { Description = "rls, schema-per-tenant or db-per-tenant.", Required = true };
        command.Options.Add(to);
        var (config, json) = Common(command, scripts: true);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var result = await new TenantMove(Platform(p, config)).RunAsync(p.GetValue(slug)!, IsolationLevels.Parse(p.GetValue(to)!), ct);
            Write(p.GetValue(json), $"{result.TenantId}: moved {IsolationLevels.Name(result.From)} -> {IsolationLevels.Name(result.To)}, {result.Rows} rows in {result.Tables.Count} tables verified", w =>
            {
                w.WriteString("tenant", result.TenantId);
                w.WriteString("from", IsolationLevels.Name(result.From));
                w.WriteString("to", IsolationLevels.Name(result.To));
                w.WriteNumber("rows", result.Rows);
                Tables(w, result.Tables.Select(t => (t.Table.Name, t.Rows, t.Checksum)));
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Offboard()
    {
        var command = new Command("offboard",
            "Offboard a tenant: back it up (and read the backup back), then drop its data and role, remove it from toolkit.yaml and write an erasure record " +
            "(GDPR Art. 17 evidence: what was deleted, when, the backup's checksum) under .toolkit/tenants/erasure/. Without --confirm SLUG nothing changes. 'remove' is the same verb.\n" +
            "Example: toolkit tenants offboard acme --confirm acme --config toolkit.yaml --connection \"Host=...\"");
        command.Aliases.Add("remove");
        var slug = Slug(command);
        var confirm = new Option<string?>("--confirm") { Description = "The tenant's slug again." };
        var backupDir = new Option<string?>("--backup-dir") { Description = "Where the backup goes (default .toolkit/tenants/backups next to the config)." };
        command.Options.Add(confirm);
        command.Options.Add(backupDir);
        var (config, json) = Common(command, scripts: false);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(p, async () =>
        {
            var result = await new TenantOffboarding(Platform(p, config)).RunAsync(p.GetValue(slug)!, p.GetValue(confirm), p.GetValue(backupDir), ct);
            var r = result.Record;
            Write(p.GetValue(json), $"{r.Slug}: offboarded ({r.RowsDeleted} rows erased); backup {r.BackupPath} ({r.BackupSha256}); erasure record {result.RecordPath}", w =>
            {
                w.WriteString("tenant", r.Tenant);
                w.WriteString("status", "offboarded");
                w.WriteNumber("rowsDeleted", r.RowsDeleted);
                w.WriteString("backup", r.BackupPath);
                w.WriteString("backupSha256", r.BackupSha256);
                w.WriteString("erasureRecord", result.RecordPath);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Argument<string> Slug(Command command)
    {
        var slug = new Argument<string>("SLUG") { Description = "The tenant's slug." };
        command.Arguments.Add(slug);
        return slug;
    }

    private (Option<string?> Config, Option<bool> Json) Common(Command command, bool scripts)
    {
        var config = RequiredConfig();
        command.Options.Add(config);
        command.Options.Add(_connection);
        command.Options.Add(_json);
        if (scripts) command.Options.Add(_scripts);
        return (config, _json);
    }

    private TenantPlatform Platform(ParseResult p, Option<string?> config)
    {
        var folder = p.GetValue(_scripts);
        IScriptProvider? scripts = folder is null ? null : new FolderScriptProvider(folder);
        return TenantPlatform.Open(p.GetValue(config)!, Admin(p), scripts);
    }

    private static void Write(bool json, string text, Action<Utf8JsonWriter> body) =>
        Console.Out.Write(json ? ScriptReport.Json(body) : text + "\n");

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Tables(Utf8JsonWriter w, IEnumerable<(string Name, long Rows, string Checksum)> tables)
    {
        w.WriteStartArray("tables");
        foreach (var (name, rows, checksum) in tables)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteNumber("rows", rows);
            w.WriteString("checksum", checksum);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void BackupJson(Utf8JsonWriter w, BackupResult result)
    {
        w.WriteString("tenant", result.Manifest.Tenant.Id);
        w.WriteString("isolation", result.Manifest.Isolation);
        w.WriteString("file", result.Path);
        w.WriteString("sha256", result.Sha256);
        w.WriteNumber("bytes", result.Bytes);
        w.WriteNumber("rows", result.Manifest.TotalRows);
        Strings(w, "scripts", result.Manifest.Scripts.Select(s => s.Name));
        Tables(w, result.Manifest.Tables.Select(t => (t.Name, t.Rows, t.Checksum)));
    }
}
