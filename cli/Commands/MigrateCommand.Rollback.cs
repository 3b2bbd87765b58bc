using System.CommandLine;
using System.Text.Json;
using Toolkit.Migrations.Planning;
using Toolkit.Migrations.RollingBack;

namespace Toolkit.Cli.Commands;

public sealed partial class MigrateCommand
{
    private static Command RollbackCommand()
    {
        var planFile = new Argument<string>("PLAN") { Description = "The plan that was applied." };
        var path = PathOverride();
        var json = JsonFlag();
        var database = AppDatabase();
        var target = TargetDatabase();
        var force = new Option<bool>("--force")
        {
            Description = "Restore the backup over files you edited after the apply on lines the plan changed (refused otherwise);\n" +
                          "your versions are saved first at refs/toolkit/backups/<plan-id>-overwritten (git show REF:PATH).",
        };
        var command = new Command("rollback",
            "Undo an apply, finished or interrupted, and nothing else: each file the plan changed gets its backup content\n" +
            "back; a file you edited after the apply keeps your edits (three-way merge) unless they overlap the plan's\n" +
            "change, which is refused with exit 1 and nothing changed (see 'toolkit migrate status' first; --force to\n" +
            "overwrite). Files the plan did not change and files you added are never touched. Then down scripts run,\n" +
            "toolkit.yaml is checked, and each step is verified. A killed rollback, run again, finishes the same work.\n" +
            "Example: toolkit migrate rollback plan.json --database-env APP_DATABASE_URL")
        {
            planFile, path, json, database, target, force,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var plan = PlanJson.Read(p.GetValue(planFile)!);
            var asJson = p.GetValue(json);
            var outcome = await new MigrationRollback(new MigrationPlanner(AvailableSwaps()))
                .RollbackAsync(plan, new RollbackOptions(p.GetValue(path), ScriptRunner(p, database, plan), asJson ? null : Progress, Connection(p, target), p.GetValue(force)), ct);
            if (asJson) Console.Out.Write(JsonSerializer.Serialize(outcome, Json) + "\n");
            else WriteRollback(outcome, Console.Out);
            return outcome.Verified ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static void WriteRollback(RollbackOutcome outcome, TextWriter writer)
    {
        var number = 0;
        foreach (var step in outcome.Steps)
            writer.WriteLine($"  {++number}. {Kebab(step.Action)}: {step.Description} [{(step.Verified ? "verified" : "NOT VERIFIED")}] {step.Detail}");
        writer.WriteLine(outcome.Verified ? $"rolled back {outcome.PlanId}" : $"rollback of {outcome.PlanId} did not verify");
    }
}
