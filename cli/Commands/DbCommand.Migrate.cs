using System.CommandLine;
using Toolkit.Database;
using Toolkit.Database.Reports;

namespace Toolkit.Cli.Commands;

public sealed partial class DbCommand
{
    private Command Migrate()
    {
        var command = WithCommon(new Command("migrate",
            "Lint, then apply every pending script in name order, each with its journal row (transaction per script unless --single-transaction).\n" +
            "Refused (exit 1, nothing run) when an applied script changed (--allow-changed) or a blocking lint rule fires (--allow-destructive).\n" +
            "With --tenants, fans out over every tenant registered by 'toolkit db provision' (--parallel, --canary; pg_dump first on PostgreSQL).\n" +
            "Examples:\n  toolkit db migrate --scripts db/ --release-manifest release.json\n  toolkit db migrate --tenants --parallel 8 --canary 2 --connection \"Host=...\""), true);
        var allowDestructive = new Option<bool>("--allow-destructive") { Description = "Apply even when blocking lint rules fire (drop table/column, rename column, NOT NULL without default, type change, drop constraint)." };
        var manifest = new Option<string?>("--release-manifest") { Description = "Write JSON listing the scripts this run applied and whether any is one-way (read by the promotion engine)." };
        command.Options.Add(allowDestructive);
        command.Options.Add(manifest);
        AddFanOutOptions(command);
        command.SetAction((ParseResult p, CancellationToken ct) => CommandGuard.RunAsync(async () =>
        {
            if (p.GetValue(_tenants)) return await FanOutAsync(p, p.GetValue(allowDestructive), p.GetValue(manifest), ct);
            var engine = BuildEngine(p, p.GetValue(allowDestructive));
            if (p.GetValue(_dryRun))
            {
                var plan = await engine.PlanAsync(ct);
                Console.Out.Write(p.GetValue(_json) ? ScriptReport.ToJson(plan) : ScriptReport.ToText(plan));
                return plan.Refusal == ScriptFailure.None ? ExitCodes.Ok : ExitCodes.Failed;
            }
            var result = await engine.MigrateAsync(ct);
            if (result.Failure is ScriptFailure.None or ScriptFailure.ScriptFailed or ScriptFailure.Cancelled)
                WriteManifest(p.GetValue(manifest), result.Executed);
            return Report(p, result);
        }));
        return command;
    }
}
