using System.CommandLine;
using System.Text.Json;
using Toolkit.Migrations.Applying;
using Toolkit.Migrations.Planning;
using Toolkit.Migrations.RollingBack;

namespace Toolkit.Cli.Commands;

public sealed partial class MigrateCommand
{
    private static Option<string?> PathOverride() =>
        new("--path") { Description = "The app root, when it is not where the plan was made (a moved clone)." };

    private static Option<string?> AppDatabase() =>
        new("--database-env") { Description = "Plans with database scripts: environment variable with the app database's connection string; the scripts are journaled in its toolkit_swap_journal table." };

    private static IMigrationScriptRunner? ScriptRunner(ParseResult p, Option<string?> option, MigrationPlan plan) =>
        Connection(p, option) is { } connection ? new SwapScriptRunner(connection, plan.Id) : null;

    private static Option<string?> SourceDatabase() =>
        new("--source-database-env") { Description = "Database swaps: environment variable with the connection string to copy data from (old provider)." };

    private static Option<string?> TargetDatabase() =>
        new("--target-database-env") { Description = "Database swaps: environment variable with the connection string of the empty database to copy into (new provider); rollback empties it again." };

    private static string? Connection(ParseResult p, Option<string?> option) =>
        p.GetValue(option) is { } name ? FromEnvironment(name) : null;

    private static Option<bool> JsonFlag() => new("--json") { Description = "Print the outcome as JSON." };

    private static Command ApplyCommand()
    {
        var planFile = new Argument<string>("PLAN") { Description = "A plan file from 'toolkit migrate plan'." };
        var allowDirty = new Option<bool>("--allow-dirty") { Description = "Apply even with uncommitted changes in the app (they are backed up too)." };
        var noValidate = new Option<bool>("--no-validate") { Description = "Skip building and testing the app afterwards." };
        var path = PathOverride();
        var json = JsonFlag();
        var database = AppDatabase();
        var source = SourceDatabase();
        var target = TargetDatabase();
        var command = new Command("apply",
            "Apply a plan: back up the working tree (untracked files too) to refs/toolkit/backups/<plan-id>, write the\n" +
            "changes, then build (and test) the app; a failed build rolls back by itself. Refuses a dirty tree,\n" +
            "a plan whose files changed since planning, and conflicts.\n" +
            "A plan with database scripts runs them after the files, each journaled with its row in one transaction:\n" +
            "Example: toolkit migrate apply plan.json --database-env APP_DATABASE_URL\n" +
            "Database swaps can copy the data too (pg_dump | pg_restore, then counts and checksums compared):\n" +
            "Example: toolkit migrate apply plan.json --source-database-env NEON_DATABASE_URL --target-database-env SUPABASE_DATABASE_URL")
        {
            planFile, allowDirty, noValidate, path, json, database, source, target,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var plan = PlanJson.Read(p.GetValue(planFile)!);
            var asJson = p.GetValue(json);
            var options = new ApplyOptions(p.GetValue(allowDirty), !p.GetValue(noValidate), p.GetValue(path), ScriptRunner(p, database, plan), asJson ? null : Progress,
                Connection(p, source), Connection(p, target));
            var outcome = await new MigrationApplier(new MigrationPlanner(AvailableSwaps())).ApplyAsync(plan, options, ct);
            if (asJson) Console.Out.Write(JsonSerializer.Serialize(outcome, Json) + "\n");
            else if (outcome.Applied)
                Console.WriteLine($"applied {plan.Id}; backup at {outcome.BackupRef}; undo with: toolkit migrate rollback {p.GetValue(planFile)}");
            else
            {
                Console.Error.WriteLine($"error MIG046: validation failed ({outcome.Validation?.Summary}); the apply was rolled back:");
                foreach (var error in outcome.Validation?.Errors ?? []) Console.Error.WriteLine("  " + error);
                if (outcome.Rollback is { } rollback) WriteRollback(rollback, Console.Error);
            }
            return outcome.Applied ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static void Progress(string line) => Console.WriteLine(line);
}
