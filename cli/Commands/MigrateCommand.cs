using System.CommandLine;
using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Migrations.Planning;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Cli.Commands;

/// <summary>
/// <c>toolkit migrate plan|diff|apply|rollback|status|history|copy-data</c>: technology swaps with a readable
/// plan, a reviewable diff, a backed-up apply and a verified rollback. Thin: parses, calls the migration
/// engine, maps results to exit codes.
/// </summary>
public sealed partial class MigrateCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var migrate = new Command("migrate",
            "Swap a technology in a C# app: plan, review the diff, apply with a git backup, roll back.\n" +
            "Example: toolkit migrate plan --swap ai:openai=anthropic --path ./app --out plan.json\n" +
            "         toolkit migrate diff plan.json && toolkit migrate apply plan.json");
        migrate.Subcommands.Add(PlanCommand());
        migrate.Subcommands.Add(DiffCommand());
        migrate.Subcommands.Add(ApplyCommand());
        migrate.Subcommands.Add(RollbackCommand());
        migrate.Subcommands.Add(StatusCommand());
        migrate.Subcommands.Add(HistoryCommand());
        migrate.Subcommands.Add(CopyDataCommand());
        return migrate;
    }

    /// <summary>Every swap the transforms library offers.</summary>
    internal static IReadOnlyList<ISwap> AvailableSwaps() => SwapCatalog.All;

    private static Command PlanCommand()
    {
        var swap = new Option<string[]>("--swap")
        {
            Description = "CATEGORY:FROM=TO, repeatable. Known: " + string.Join(", ", AvailableSwaps().Select(s => s.Id)),
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var path = new Option<string>("--path") { Description = "The app's root directory (inside a git repository).", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--out") { Description = "Write the plan JSON here (else it goes to standard output)." };
        var json = new Option<bool>("--json") { Description = "With --out, print the plan JSON instead of a summary." };
        var swapOption = new Option<string[]>("--option")
        {
            Description = "A swap option TARGET.NAME=VALUE, repeatable (for example r2.accountId=0123abcd, supabase.projectRef=abcdefghijklmnopqrst, anthropic.modelColumns=tenant_settings.ai_model). Not for secrets.",
        };
        var command = new Command("plan",
            "Compute a migration plan without changing anything.\n" +
            "Example: toolkit migrate plan --swap ai:openai=anthropic --swap storage:s3=r2 --path ./app --out plan.json")
        {
            swap, path, output, json, swapOption,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in p.GetValue(swapOption) ?? [])
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                    throw new DiagnosticException(Diagnostic.Error("MIG035", $"--option '{pair}' is not TARGET.NAME=VALUE."));
                options[pair[..equals]] = pair[(equals + 1)..];
            }
            var prepared = await new MigrationPlanner(AvailableSwaps()).PlanAsync(p.GetValue(path)!, p.GetValue(swap) ?? [], options, ct);
            var plan = prepared.Plan;
            if (p.GetValue(output) is not { } file)
            {
                Console.Out.Write(PlanJson.Serialize(plan));
                return ExitCodes.Ok;
            }
            PlanJson.Write(plan, file);
            if (p.GetValue(json)) Console.Out.Write(PlanJson.Serialize(plan));
            else WriteSummary(plan, file);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteSummary(MigrationPlan plan, string file)
    {
        Console.WriteLine($"plan {plan.Id} written to {file}");
        Console.WriteLine($"  swaps: {string.Join(", ", plan.Swaps)} ({Kebab(plan.MigrationType)})");
        Console.WriteLine($"  files: {plan.FileChanges.Count} ({string.Join(", ", plan.FileChanges.GroupBy(c => c.ChangeType).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))})");
        foreach (var change in plan.FileChanges)
            Console.WriteLine($"    {change.ChangeType.ToString().ToLowerInvariant(),-6} {change.Path}{(change.Conflict ? "  CONFLICT: " + change.ConflictReason : "")}");
        if (plan.DatabaseMigrations.Count > 0) Console.WriteLine($"  database scripts: {string.Join(", ", plan.DatabaseMigrations.Select(d => d.Id))}");
        foreach (var config in plan.ConfigChanges) Console.WriteLine($"  config: {config.File} technologies.{config.Category}: {config.From} -> {config.To}");
        Console.WriteLine($"  complexity {plan.Complexity}/10, about {plan.EstimatedDurationMinutes} min, risk {plan.RiskLevel.ToString().ToLowerInvariant()}");
        if (plan.ManualSteps.Count > 0)
        {
            Console.WriteLine($"  manual steps ({plan.ManualSteps.Count}):");
            foreach (var step in plan.ManualSteps) Console.WriteLine($"    {step.Path}:{step.Line}: {step.Reason}");
        }
        Console.WriteLine($"next: toolkit migrate diff {file}   then   toolkit migrate apply {file}");
    }

    private static Command DiffCommand()
    {
        var planFile = new Argument<string>("PLAN") { Description = "A plan file from 'toolkit migrate plan'." };
        var format = new Option<string>("--format") { Description = "text (annotated, for people) or patch (for 'git apply' from the repository top level).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "patch");
        var command = new Command("diff",
            "Show the plan's changes as a unified diff (secret values masked).\n" +
            "Example: toolkit migrate diff plan.json --format patch > swap.patch && git apply --check swap.patch")
        {
            planFile, format,
        };
        command.SetAction((ParseResult p) =>
        {
            var plan = PlanJson.Read(p.GetValue(planFile)!);
            var patch = p.GetValue(format) == "patch";
            var masked = new List<string>();
            foreach (var change in plan.FileChanges)
            {
                if (!patch)
                    Console.Out.Write($"# {change.ChangeType.ToString().ToLowerInvariant()} {change.Path}{(change.Conflict ? " (CONFLICT: " + change.ConflictReason + ")" : "")}\n");
                Console.Out.Write(change.Diff);
                if (change.Diff.Contains(Toolkit.Migrations.Secrets.SecretMasker.Mask, StringComparison.Ordinal)) masked.Add(change.Path);
            }
            if (!patch)
                foreach (var step in plan.ManualSteps) Console.Out.Write($"# manual: {step.Path}:{step.Line}: {step.Reason}\n");
            if (patch && masked.Count > 0)
                Console.Error.WriteLine($"warning: secret values are masked in {string.Join(", ", masked)}; those hunks will not apply as they are.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly JsonSerializerOptions Json = PlanJson.Options;
}
