using System.CommandLine;
using Toolkit.Core.Diagnostics;
using Toolkit.Database;
using Toolkit.Database.Engines;
using Toolkit.Database.Execution;
using Toolkit.Database.Releases;
using Toolkit.Database.Reports;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit db status|plan|migrate|rollback|provision|restore</c>: the journaled script runner.</summary>
public sealed partial class DbCommand : ICommandDefinition
{
    private readonly Option<string?> _connection = new("--connection")
    {
        Description = "PostgreSQL (Host=...;Database=...;Username=...;Password=... or postgres://...) or SQLite (Data Source=FILE) connection string. Default: an SQLite file .toolkit/toolkit.db in the current directory.",
    };
    private readonly Option<string?> _scripts = new("--scripts") { Description = "Folder of scripts: ours (NNNN_name.sql, NNNN_name.down.sql), Flyway's (V1__x.sql, U1__x.sql, R__x.sql) or DbUp's (any NAME.sql, in name order). Default: the shipped baseline SaaS schema." };
    private readonly Option<string?> _scriptsAssembly = new("--scripts-assembly") { Description = "A .dll whose embedded .sql resources are the scripts, named as DbUp names them (MyApp.Scripts.0001-Create.sql)." };
    private readonly Option<string?> _transaction = new("--transaction") { Description = "per-script (default: each script commits with its journal row), single (the whole run, rolled back on failure) or none (statements commit one by one), as DbUp's transaction modes." };
    private readonly Option<string[]> _rawVars = new("--raw-var") { Description = "NAME=VALUE: replace $NAME$ with VALUE as written, unquoted (DbUp's substitution). Repeatable." };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON instead of text." };
    private readonly Option<string?> _journalSchema = new("--journal-schema") { Description = "Schema of the journal table (PostgreSQL). Default: the search path (public)." };
    private readonly Option<string> _journalTable = new("--journal-table") { Description = "Name of the journal table.", DefaultValueFactory = _ => "toolkit_journal" };
    private readonly Option<int?> _timeout = new("--statement-timeout") { Description = "Cancel any statement running longer than this many seconds (PostgreSQL)." };
    private readonly Option<bool> _singleTransaction = new("--single-transaction") { Description = "Run all scripts in one transaction (default: one transaction per script)." };
    private readonly Option<string[]> _vars = new("--var") { Description = "NAME=VALUE: replace $NAME$ in scripts with VALUE as a quoted string literal. Repeatable.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _idents = new("--ident") { Description = "NAME=VALUE: replace $NAME$ in scripts with VALUE as a quoted identifier. Repeatable." };
    private readonly Option<bool> _allowChanged = new("--allow-changed") { Description = "Run even when an applied script's file changed since it ran." };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print what would run and change nothing." };

    /// <inheritdoc />
    public Command Create()
    {
        var db = new Command("db",
            "Journaled database scripts (DbUp-style): status, plan, migrate, rollback; tenant isolation provisioning; restore of pre-migration dumps.\n" +
            "Examples:\n  toolkit db status\n  toolkit db migrate --scripts db/ --connection \"Host=localhost;Database=app;Username=app;Password=...\"\n" +
            "  toolkit db rollback --to 0002 --scripts db/ --dry-run");
        db.Subcommands.Add(Status());
        db.Subcommands.Add(Plan());
        db.Subcommands.Add(Migrate());
        db.Subcommands.Add(Rollback());
        db.Subcommands.Add(Adopt());
        db.Subcommands.Add(Lint());
        db.Subcommands.Add(Provision());
        db.Subcommands.Add(Restore());
        return db;
    }

    private Command WithCommon(Command command, bool writes)
    {
        foreach (var option in new Option[] { _connection, _scripts, _scriptsAssembly, _json, _journalSchema, _journalTable, _timeout, _singleTransaction, _transaction, _vars, _idents, _rawVars, _allowChanged })
            command.Options.Add(option);
        if (writes) command.Options.Add(_dryRun);
        return command;
    }

    private Command Status()
    {
        var command = WithCommon(new Command("status", "List applied, pending, changed and missing scripts. Reads only.\nExample: toolkit db status --scripts db/ --json"), false);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(async () =>
        {
            var engine = BuildEngine(p, allowDestructive: false);
            var status = await engine.StatusAsync(ct);
            Console.Out.Write(p.GetValue(_json) ? ScriptReport.ToJson(status) : ScriptReport.ToText(status));
            return status.Changed.Count > 0 && !p.GetValue(_allowChanged) ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    private Command Adopt()
    {
        var command = WithCommon(new Command("adopt",
            "Take over a database DbUp or Flyway migrated: import its journal (public.schemaversions or flyway_schema_history) as applied, matching each row to a script\n" +
            "by name and recording the file's checksum, so 'db migrate' then runs only what is new. Lists rows with no file and Flyway scripts changed since they ran\n" +
            "(recorded under the old checksum: migrate refuses them until restored or --allow-changed). The other tool's journal is left as it was.\n" +
            "Example: toolkit db adopt --from dbup --scripts db/ --connection \"Host=...\""), true);
        var from = new Option<string?>("--from") { Description = "dbup or flyway (default: whichever journal is there)." };
        command.Options.Add(from);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(async () =>
        {
            Database.Journal.Foreign.ForeignJournalKind? kind = p.GetValue(from) switch
            {
                null => null,
                "dbup" => Database.Journal.Foreign.ForeignJournalKind.DbUp,
                "flyway" => Database.Journal.Foreign.ForeignJournalKind.Flyway,
                var other => throw new DiagnosticException(Diagnostic.Error("db-adopt", $"--from '{other}' is not dbup or flyway.")),
            };
            var result = await BuildEngine(p, false).AdoptAsync(kind, p.GetValue(_dryRun), ct);
            Console.Out.Write(p.GetValue(_json) ? ScriptReport.ToJson(result) : ScriptReport.ToText(result));
            if (!result.Successful) Console.Error.WriteLine("error: " + result.Error);
            return result.Successful ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private Command Lint()
    {
        var command = new Command("lint",
            "Lint every up script on its own, as against a database that has the earlier ones (no database needed): FILE:LINE:COL: severity RULE: message\n" +
            "on stdout, or --json. Exit 1 when a finding would block 'db migrate' (errors; warnings do not block). 'db plan' lints the pending scripts of a\n" +
            "database, where a table created earlier in the same run counts as new.\nExample: toolkit db lint --scripts db/ --json");
        foreach (var option in new Option[] { _scripts, _scriptsAssembly, _json, _vars, _idents, _rawVars }) command.Options.Add(option);
        command.SetAction((ParseResult p, CancellationToken _) => CommandGuard.RunAsync(() =>
        {
            var scripts = (ScriptsOf(p) ?? Database.Baseline.BaselineScripts.For("postgresql")).GetScripts();
            var names = (p.GetValue(_vars) ?? []).Concat(p.GetValue(_idents) ?? []).Concat(p.GetValue(_rawVars) ?? [])
                .Select(v => v.Split('=', 2)[0]).ToHashSet(StringComparer.Ordinal);
            // Each script on its own, as against a database that has every earlier one (what CI checks a new script for).
            var findings = scripts.SelectMany(s => Database.Linting.ScriptLinter.Lint(s.Up, s.DisplayPath, names)).ToList();
            if (p.GetValue(_json)) Console.Out.Write(ScriptReport.ToJson(scripts.Select(s => s.Name).ToList(), findings));
            else
            {
                foreach (var d in findings) Console.Out.WriteLine(d);
                Console.Out.WriteLine($"{scripts.Count} script(s): {findings.Count(d => d.Severity == Severity.Error)} error(s), {findings.Count(d => d.Severity == Severity.Warning)} warning(s)");
            }
            return Task.FromResult(findings.Any(d => d.Severity == Severity.Error) ? ExitCodes.Failed : ExitCodes.Ok);
        }));
        return command;
    }

    private Command Plan()
    {
        var command = WithCommon(new Command("plan", "Show what migrate would apply, which scripts are one-way, and lint findings (FILE:LINE: severity RULE). Changes nothing; exit 1 when migrate would be refused.\nExample: toolkit db plan --scripts db/"), false);
        var allowDestructive = new Option<bool>("--allow-destructive") { Description = "Do not count blocking lint findings as a refusal." };
        command.Options.Add(allowDestructive);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(async () =>
        {
            var plan = await BuildEngine(p, p.GetValue(allowDestructive)).PlanAsync(ct);
            Console.Out.Write(p.GetValue(_json) ? ScriptReport.ToJson(plan) : ScriptReport.ToText(plan));
            return plan.Refusal == ScriptFailure.None ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private Command Rollback()
    {
        var command = WithCommon(new Command("rollback", "Run the down scripts of every applied script newer than --to, newest first. Refused (exit 1, nothing run) when one of them is one-way.\nExample: toolkit db rollback --to 0002 --scripts db/"), true);
        var to = new Option<string>("--to") { Description = "Version to return to: a script's number prefix such as 0002, or 0 for everything.", Required = true };
        command.Options.Add(to);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(async () =>
        {
            var engine = BuildEngine(p, false);
            if (p.GetValue(_dryRun))
            {
                var plan = await engine.PlanRollbackAsync(p.GetValue(to)!, ct);
                Console.Out.Write(p.GetValue(_json) ? ScriptReport.ToJson(plan) : ScriptReport.ToText(plan));
                return plan.Refusal == ScriptFailure.None ? ExitCodes.Ok : ExitCodes.Failed;
            }
            return Report(p, await engine.RollbackToAsync(p.GetValue(to)!, ct));
        }));
        return command;
    }

    // What ran on stdout (or the JSON document); each finding and the error once, on stderr.
    private int Report(ParseResult p, ScriptRunResult result)
    {
        Console.Out.Write(p.GetValue(_json) ? ScriptReport.ToJson(result) : ScriptReport.ToText(result));
        Console.Error.Write(ScriptReport.Problems(result));
        return result.Successful ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private string ConnectionOf(ParseResult p)
    {
        if (p.GetValue(_connection) is { } given) return given;
        var fallback = DatabaseEngines.DefaultConnection(Environment.CurrentDirectory);
        Console.Error.WriteLine($"no --connection: using the SQLite file {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(fallback).DataSource}");
        return fallback;
    }

    private Database.Scripts.IScriptProvider? ScriptsOf(ParseResult p)
    {
        if (p.GetValue(_scriptsAssembly) is { } dll)
        {
            if (!File.Exists(dll)) throw new DiagnosticException(Diagnostic.Error("db-scripts-missing", $"--scripts-assembly '{dll}' does not exist."));
            return new Database.Scripts.EmbeddedScriptProvider(System.Reflection.Assembly.LoadFrom(Path.GetFullPath(dll)));
        }
        if (p.GetValue(_scripts) is { } dir) return new Database.Scripts.FolderScriptProvider(dir);
        Console.Error.WriteLine("no --scripts: using the shipped baseline SaaS schema");
        return null;
    }

    private TransactionMode TransactionOf(ParseResult p) => (p.GetValue(_transaction), p.GetValue(_singleTransaction)) switch
    {
        (null, true) or ("single", _) => TransactionMode.WholeRun,
        (null, false) or ("per-script", _) => TransactionMode.PerScript,
        ("none", _) => TransactionMode.None,
        (var other, _) => throw new DiagnosticException(Diagnostic.Error("db-transaction", $"--transaction '{other}' is not per-script, single or none.")),
    };

    private ScriptEngineBuilder Builder(ParseResult p, bool allowDestructive, string? connection = null)
    {
        var builder = ScriptEngineBuilder.For(connection ?? ConnectionOf(p))
            .WithJournal(p.GetValue(_journalSchema), p.GetValue(_journalTable)!)
            .WithStatementTimeout(p.GetValue(_timeout) is { } s ? TimeSpan.FromSeconds(s) : null)
            .AllowChangedScripts(p.GetValue(_allowChanged))
            .AllowDestructiveChanges(allowDestructive)
            .WithLog(new TextWriterScriptLog(Console.Error));
        builder = ScriptsOf(p) is { } scripts ? builder.WithScripts(scripts) : builder.WithBaselineScripts();
        builder = builder.WithTransactionMode(TransactionOf(p));
        foreach (var (text, kind) in (p.GetValue(_vars) ?? []).Select(v => (v, VariableKind.Literal))
                     .Concat((p.GetValue(_idents) ?? []).Select(v => (v, VariableKind.Identifier)))
                     .Concat((p.GetValue(_rawVars) ?? []).Select(v => (v, VariableKind.Raw))))
        {
            var eq = text.IndexOf('=');
            if (eq <= 0) throw new DiagnosticException(Diagnostic.Error("db-variable", $"'{text}' is not NAME=VALUE."));
            var (name, value) = (text[..eq], text[(eq + 1)..]);
            builder = builder.WithVariable(kind switch
            {
                VariableKind.Literal => ScriptVariable.Literal(name, value),
                VariableKind.Identifier => ScriptVariable.Identifier(name, value),
                _ => ScriptVariable.Raw(name, value),
            });
        }
        return builder;
    }

    private ScriptEngine BuildEngine(ParseResult p, bool allowDestructive) => Builder(p, allowDestructive).Build();

    private static void WriteManifest(string? path, IEnumerable<ExecutedScript> executed)
    {
        if (path is null) return;
        ReleaseManifests.From(executed).Write(path);
        Console.Error.WriteLine($"release manifest written to {path}");
    }
}
