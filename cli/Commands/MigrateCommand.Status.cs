using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Toolkit.Migrations.RollingBack;
using Toolkit.Migrations.DataCopy;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Journal;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Cli.Commands;

public sealed partial class MigrateCommand
{
    private static Command StatusCommand()
    {
        var path = new Option<string>("--path") { Description = "Any directory of the repository.", DefaultValueFactory = _ => "." };
        var json = JsonFlag();
        var command = new Command("status",
            "Show every plan applied or rolled back in this repository and where it stands; for a plan not rolled back,\n" +
            "which files a rollback would restore, delete, merge (keeping your later edits) or refuse as conflicts.\n" +
            "Example: toolkit migrate status --json")
        {
            path, json,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            using var repository = await GitRepository.OpenAsync(p.GetValue(path)!, ct);
            var journal = new MigrationJournal(repository.GitDirectory);
            var states = journal.All();
            // For every plan not rolled back: what a rollback would do with each file the plan changed, right now.
            var previews = new Dictionary<string, IReadOnlyList<FileRollbackStep>>(StringComparer.Ordinal);
            foreach (var s in states.Where(s => s.Phase != MigrationPhase.RolledBack))
                if (journal.ReadPlan(s.PlanId) is { } plan
                    && await MigrationRollback.PreviewAsync(plan, Path.Combine(repository.TopLevel, s.PathInRepository), ct) is { } preview)
                    previews[s.PlanId] = preview;
            if (p.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var s in states)
                {
                    var node = JsonSerializer.SerializeToNode(s, Json)!.AsObject();
                    if (previews.TryGetValue(s.PlanId, out var preview)) node["rollbackPreview"] = JsonSerializer.SerializeToNode(preview, Json);
                    array.Add(node);
                }
                Console.Out.Write(array.ToJsonString(Json) + "\n");
            }
            else if (states.Count == 0) Console.WriteLine("no migrations in this repository");
            else
                foreach (var s in states)
                {
                    Console.WriteLine($"{s.PlanId}  {Phase(s.Phase),-13} {string.Join(' ', s.Swaps)}  app: {(s.PathInRepository.Length == 0 ? "." : s.PathInRepository)}  backup: {s.BackupRef}");
                    if (previews.TryGetValue(s.PlanId, out var preview)) WritePreview(preview);
                }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WritePreview(IReadOnlyList<FileRollbackStep> preview)
    {
        var counts = preview.Where(f => f.Action != FileRollbackAction.Unchanged).GroupBy(f => f.Action).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {Verb(g.Key)}").ToList();
        Console.WriteLine(counts.Count == 0 ? "  rollback would change no file" : $"  rollback would: {string.Join(", ", counts)}");
        foreach (var file in preview.Where(f => f.Action != FileRollbackAction.Unchanged))
            Console.WriteLine($"    {Verb(file.Action),-9} {file.Path}  ({file.Detail})");
        if (preview.Any(f => f.Action == FileRollbackAction.Conflict))
            Console.WriteLine("  conflicts make 'toolkit migrate rollback' refuse (nothing changed); merge them by hand or pass --force");
    }

    private static string Verb(FileRollbackAction action) => action switch
    {
        FileRollbackAction.Restore => "restore",
        FileRollbackAction.Delete => "delete",
        FileRollbackAction.Merge => "merge",
        FileRollbackAction.Conflict => "conflict",
        FileRollbackAction.Overwrite => "overwrite",
        _ => "keep",
    };

    private static Command HistoryCommand()
    {
        var path = new Option<string>("--path") { Description = "Any directory of the repository.", DefaultValueFactory = _ => "." };
        var json = JsonFlag();
        var command = new Command("history", "Show what the engine did in this repository, oldest first.\nExample: toolkit migrate history")
        {
            path, json,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            using var repository = await GitRepository.OpenAsync(p.GetValue(path)!, ct);
            var history = new MigrationJournal(repository.GitDirectory).History();
            if (p.GetValue(json)) Console.Out.Write(JsonSerializer.Serialize(history, Json) + "\n");
            else foreach (var h in history) Console.WriteLine($"{h.Time}  {h.PlanId}  {h.Action,-8} {h.Outcome,-12} {h.Detail}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CopyDataCommand()
    {
        var source = new Option<string>("--source-env") { Description = "Environment variable holding the source connection string (for example NEON_DATABASE_URL).", Required = true };
        var target = new Option<string>("--target-env") { Description = "Environment variable holding the (empty) target connection string.", Required = true };
        var json = JsonFlag();
        var command = new Command("copy-data",
            "Copy a PostgreSQL database into an empty one (pg_dump | pg_restore), then compare row counts and checksums\n" +
            "per table. Connection strings come from environment variables so they never appear on a command line.\n" +
            "Example: toolkit migrate copy-data --source-env NEON_DATABASE_URL --target-env SUPABASE_DATABASE_URL")
        {
            source, target, json,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var report = await new PostgresDataCopy().CopyAsync(FromEnvironment(p.GetValue(source)!), FromEnvironment(p.GetValue(target)!), ct);
            if (p.GetValue(json)) Console.Out.Write(JsonSerializer.Serialize(report, Json) + "\n");
            else
            {
                foreach (var t in report.Tables)
                    Console.WriteLine($"{(t.Matches ? "ok      " : "MISMATCH")} {t.Table}: {t.SourceRows} -> {t.TargetRows} rows, checksum {t.SourceChecksum} -> {t.TargetChecksum}");
                Console.WriteLine(report.Verified ? $"copied and verified {report.Tables.Count} table(s)" : "copy did not verify");
            }
            return report.Verified ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static string FromEnvironment(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new DiagnosticException(Diagnostic.Error("MIG062", $"environment variable '{name}' is not set; it must hold a connection string."));

    private static string Phase(MigrationPhase phase) => Kebab(phase);

    private static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
