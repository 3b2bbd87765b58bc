using System.CommandLine;
using Spectre.Console;
using Toolkit.Core.Output;
using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Actuators.Nginx;
using Toolkit.Promotion.Actuators.Pulumi;
using Toolkit.Promotion.Engine;
using Toolkit.Promotion.Probes;
using Toolkit.Promotion.Reporting;
using Toolkit.Promotion.State;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Platforms.Patterns;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit promote</c>: shift traffic from blue to green in steps, analyse each, roll back or stop on failure.</summary>
public sealed class PromoteCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var config = new Option<string>("--config") { Description = "toolkit.yaml of the platform (its deployment section gives the defaults).", Required = true };
        var stack = new Option<string>("--stack") { Description = "Stack to promote (one of the config's stacks; must be blue-green).", Required = true };
        var steps = new Option<string?>("--steps") { Description = "Percent of traffic to green per step, increasing, ending at 100. Example: 1,10,50,100" };
        var bake = new Option<string?>("--bake") { Description = "Analysis time per step. Examples: 90s, 5m, 1500ms" };
        var maxErrorRate = new Option<double?>("--max-error-rate") { Description = "Fail a step when green's 5xx/no-answer rate goes above this fraction. Example: 0.02 (2 %)" };
        var maxP95 = new Option<int?>("--max-p95-ms") { Description = "Fail a step when green's p95 latency goes above this many milliseconds. Example: 500" };
        var maxHealth = new Option<int?>("--max-failed-health-checks") { Description = "Failed health checks of green tolerated per step. Example: 3" };
        var target = new Option<string?>("--target") { Description = "pulumi (weights as stack config, then pulumi up) or local (nginx on this machine). Default: local when deployment.blueGreen.local is set, else pulumi." };
        target.AcceptOnlyFromAmong("pulumi", "local");
        var delay = new Option<string?>("--scale-down-delay") { Description = "How long blue is kept after green reaches 100 %. Example: 10m" };
        var abort = new Option<bool>("--abort") { Description = "Send all traffic back to blue and end the unfinished (or just promoted) promotion." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on stdout (progress goes to stderr)." };
        var junit = new Option<string?>("--junit") { Description = "Also write the report as JUnit XML to this file (one test case per metric per step)." };
        var summary = new Option<bool>("--github-summary") { Description = "Append a markdown summary to $GITHUB_STEP_SUMMARY (GitHub Actions)." };
        var release = new Option<string?>("--release-manifest") { Description = "Release manifest from 'toolkit db migrate --release-manifest'. Default: .toolkit/release.json beside the config, when it exists. A one-way migration turns a rollback into a stop (exit 4)." };

        var promUrl = new Option<string?>("--prometheus-url") { Description = "Also judge each step on a Prometheus instant query (with --prometheus-query and --prometheus-success). Example: http://prometheus:9090" };
        var promQuery = new Option<string?>("--prometheus-query") { Description = "PromQL whose scalar (or first sample) is the value. Example: sum(rate(http_requests_total{color=\"green\",code=~\"5..\"}[1m]))" };
        var promSuccess = new Option<string?>("--prometheus-success") { Description = "Condition the value must meet. Example: \"result < 0.05\"" };
        var pulumiDir = new Option<string?>("--pulumi-dir") { Description = "pulumi target: the synthesized program's directory (Pulumi.yaml, Pulumi.<stack>.yaml). Default: .toolkit/stacks/<stack> beside the config, where 'toolkit synth' and 'toolkit up' put it. Example: out/prod" };

        var command = new Command("promote",
            "Promote a blue-green release: shift traffic to green step by step, analyse error rate, p95 latency and health at each step,\n" +
            "roll back to blue on failure. A killed run is resumed by the next one (state in .toolkit/promotion.<stack>.json beside the config).\n" +
            "Examples:\n" +
            "  toolkit promote --config toolkit.yaml --stack prod\n" +
            "  toolkit promote --config toolkit.yaml --stack prod --steps 5,25,100 --bake 2m --max-error-rate 0.01 --junit promotion.xml\n" +
            "  toolkit promote --config toolkit.yaml --stack dev --target local --bake 10s\n" +
            "  toolkit promote --config toolkit.yaml --stack prod --abort\n" +
            "Exit codes: 0 promoted (or aborted), 1 rolled back or bad input, 3 pulumi/nginx missing, 4 stopped at the current weight (one-way migration).");
        foreach (var option in new Option[] { config, stack, steps, bake, maxErrorRate, maxP95, maxHealth, target, delay, abort, json, junit, summary, release, pulumiDir, promUrl, promQuery, promSuccess })
            command.Options.Add(option);

        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var request = new PromotionRequest
            {
                ConfigPath = p.GetValue(config)!, Stack = p.GetValue(stack)!, Steps = p.GetValue(steps), Bake = p.GetValue(bake),
                MaxErrorRate = p.GetValue(maxErrorRate), MaxP95Ms = p.GetValue(maxP95), MaxFailedHealthChecks = p.GetValue(maxHealth),
                Target = p.GetValue(target), ScaleDownDelay = p.GetValue(delay), ReleaseManifest = p.GetValue(release),
                PrometheusUrl = p.GetValue(promUrl), PrometheusQuery = p.GetValue(promQuery), PrometheusSuccess = p.GetValue(promSuccess),
            };
            return await RunAsync(request, p.GetValue(abort), p.GetValue(json), p.GetValue(junit), p.GetValue(summary), p.GetValue(pulumiDir), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(PromotionRequest request, bool abort, bool json, string? junit, bool githubSummary, string? pulumiDirectory, CancellationToken cancellation)
    {
        // A cancelled CI job gets SIGTERM (a person, Ctrl-C): stop at once, keep the state, say how to resume.
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Interrupt);
        using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Interrupt);
        void Interrupt(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
        var ct = interrupted.Token;

        var summaryFile = Environment.GetEnvironmentVariable(GitHubSummary.Variable);
        if (githubSummary && string.IsNullOrEmpty(summaryFile))
        {
            await Console.Error.WriteLineAsync($"error: --github-summary needs ${GitHubSummary.Variable} (set by GitHub Actions); nothing was changed.");
            return ExitCodes.Failed;
        }

        var plan = PlanBuilder.Build(ConfigLoader.Load(request.ConfigPath), request);
        using var client = HttpProbe.CreateClient();
        var actuator = CreateActuator(plan, client, pulumiDirectory);
        var store = PromotionStateStore.Beside(plan.ConfigPath, plan.Stack);

        PromotionReport report;
        try
        {
            var engineFor = (IPromotionObserver observer) => new PromotionEngine(actuator, store, observer,
                (metric, endpoints) => ProviderFactory.Create(metric, endpoints, client, plan.RequestTimeout));
            Task<PromotionReport> Run(IPromotionObserver observer) =>
                abort ? engineFor(observer).AbortAsync(plan, ct) : engineFor(observer).RunAsync(plan, ct);
            var interactive = !json && Output.Terminal.IsInteractive;
            report = interactive
                ? await LiveReporter.RunAsync(AnsiConsole.Console, Run)
                : await Run(new PlainReporter(json ? Console.Error : Console.Out));
        }
        catch (MissingToolException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.MissingTool;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // SIGTERM/Ctrl-C (a cancelled CI job): the state file already says where we are.
            await Console.Error.WriteLineAsync($"interrupted: the promotion state is kept in {store.Path}; run 'toolkit promote' again to resume, or with --abort to send all traffic to blue.");
            return ExitCodes.Failed;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\nThe promotion state is kept; run 'toolkit promote' again to resume or '--abort' to go back to blue.");
            return ExitCodes.Failed;
        }

        if (json) await Console.Out.WriteAsync(JsonReport.Write(report));
        if (junit is not null) AtomicFile.WriteAllText(junit, JUnitReport.Write(report));
        if (githubSummary) GitHubSummary.AppendTo(summaryFile!, report);
        return report.Outcome switch
        {
            PromotionOutcome.Promoted or PromotionOutcome.Aborted => ExitCodes.Ok,
            PromotionOutcome.Stopped => ExitCodes.Stopped,
            _ => ExitCodes.Failed,
        };
    }

    private static IActuator CreateActuator(PromotionPlan plan, HttpClient client, string? pulumiDirectory)
    {
        if (plan.Local is { } local)
        {
            var prefix = Toolkit.Core.Layout.ToolkitDirectory.Beside(plan.ConfigPath).Nginx(plan.Stack);
            return new NginxActuator(new NginxSite(prefix, local.Listen, local.Blue, local.Green, Environment.UserName == "root"), client);
        }
        return new PulumiActuator(pulumiDirectory ?? Toolkit.Core.Layout.ToolkitDirectory.Beside(plan.ConfigPath).Stack(plan.Stack), plan.Stack, TrafficWeights.ConfigValues, Outputs.GreenEndpoints,
            line => Console.Error.WriteLine("  pulumi: " + line));
    }
}
