using Toolkit.Core.Diagnostics;
using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Analysis;
using Toolkit.Promotion.Probes;
using Toolkit.Promotion.Reporting;
using Toolkit.Promotion.State;

namespace Toolkit.Promotion.Engine;

/// <summary>
/// Runs a blue-green promotion: for each step, save the state, set the weights, analyse for the bake;
/// a passing step moves on, 100 % is promoted (blue kept for the scale-down delay). A failing step sends
/// all traffic back to blue, unless the release applied a one-way migration: then it stops at the
/// current weight for a person. A run finding an unfinished promotion of the same plan resumes it.
/// </summary>
public sealed class PromotionEngine(
    IActuator actuator,
    PromotionStateStore store,
    IPromotionObserver observer,
    Func<Metric, IReadOnlyList<Uri>, IMetricProvider> providerFor,
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Promotes (or resumes promoting) <paramref name="plan"/>.</summary>
    /// <exception cref="MissingToolException">The target's tool is missing; nothing changed.</exception>
    /// <exception cref="DiagnosticException">A different promotion of this stack is unfinished; nothing changed.</exception>
    public async Task<PromotionReport> RunAsync(PromotionPlan plan, CancellationToken cancellationToken)
    {
        await actuator.EnsureAvailableAsync(cancellationToken);
        var existing = store.Load();
        var resume = existing is { Status: PromotionStatus.InProgress or PromotionStatus.Stopped };
        if (resume && !existing!.Matches(plan.Steps, plan.Target))
            throw new DiagnosticException(Diagnostic.Error("PROMO010",
                $"an unfinished promotion of stack '{plan.Stack}' (steps {string.Join(",", existing.Steps)}, target {existing.Target}, {existing.GreenPercent} % green) " +
                "has other steps or another target; finish it with the same --steps and --target, or run 'toolkit promote --abort' first. Nothing was changed.",
                new SourceLocation(store.Path, 1, 1)));

        var from = resume ? existing!.StepIndex : 0;
        var state = new PromotionState
        {
            Stack = plan.Stack, Target = plan.Target, Steps = plan.Steps, StepIndex = from,
            GreenPercent = resume ? existing!.GreenPercent : 0, Status = PromotionStatus.InProgress,
            Runs = resume ? existing!.Runs + 1 : 1,
        };
        var endpoints = await actuator.GreenEndpointsAsync(cancellationToken);
        observer.Started(plan.Stack, plan.Target, plan.Steps, from, resume);

        var runner = new AnalysisRunner(metric => providerFor(metric, endpoints));
        var template = plan.Analysis;
        var analysed = new List<StepReport>();
        for (var i = from; i < plan.Steps.Count; i++)
        {
            var step = i;
            var split = new TrafficSplit(plan.Steps[step]);
            // Saved before actuating: a job killed from here on resumes at this step and sets its weights again.
            state = state with { StepIndex = step, Status = PromotionStatus.InProgress };
            store.Save(state);
            await actuator.SetWeightsAsync(split, cancellationToken);
            state = state with { GreenPercent = split.GreenPercent };
            store.Save(state);
            observer.WeightsSet(step, split);

            var analysis = await runner.RunAsync(template, plan.Bake, m => observer.Measured(step, m), cancellationToken);
            var stepReport = new StepReport(step + 1, split.GreenPercent, analysis.Phase, analysis.Metrics.Select(MetricReport.From).ToList());
            analysed.Add(stepReport);
            observer.StepFinished(step, stepReport);
            if (analysis.Phase != AnalysisPhase.Successful)
                return await FailAsync(plan, state, analysis, stepReport, analysed, resume ? from + 1 : null, cancellationToken);
        }

        var keptUntil = _clock.GetUtcNow() + plan.ScaleDownDelay;
        store.Save(state with { Status = PromotionStatus.Promoted, GreenPercent = 100, BlueRetainedUntil = keptUntil, Message = null });
        return Finish(new PromotionReport
        {
            Stack = plan.Stack, Target = plan.Target, Outcome = PromotionOutcome.Promoted, Steps = plan.Steps, GreenPercent = 100,
            Message = $"stack '{plan.Stack}' promoted: green serves 100 %. Blue is kept for {DurationText.Format(plan.ScaleDownDelay)} " +
                      "('toolkit promote --abort' sends traffic back to it until then); scale it down after that.",
            StepsAnalysed = analysed, ResumedAtStep = resume ? from + 1 : null, OneWayRelease = plan.Release?.OneWay ?? false,
            ScaleDownDelaySeconds = (int)plan.ScaleDownDelay.TotalSeconds,
        });
    }

    /// <summary>Sends all traffic back to blue and marks the promotion aborted.</summary>
    /// <exception cref="DiagnosticException">There is nothing to abort (no promotion, or blue's retention is over); nothing changed.</exception>
    public async Task<PromotionReport> AbortAsync(PromotionPlan plan, CancellationToken cancellationToken)
    {
        await actuator.EnsureAvailableAsync(cancellationToken);
        var existing = store.Load() ?? throw new DiagnosticException(Diagnostic.Error("PROMO011",
            $"there is no promotion of stack '{plan.Stack}' to abort (no state file {store.Path}). Nothing was changed."));
        if (existing.Status is PromotionStatus.Promoted && existing.BlueRetainedUntil is { } until && until < _clock.GetUtcNow())
            throw new DiagnosticException(Diagnostic.Error("PROMO012",
                $"stack '{plan.Stack}' was promoted and blue was kept only until {until:yyyy-MM-dd HH:mm:ss}Z; it may be scaled down, so traffic is not sent back to it. Nothing was changed.",
                new SourceLocation(store.Path, 1, 1)));
        if (existing.Status is PromotionStatus.RolledBack or PromotionStatus.Aborted)
            return Finish(Report(plan, existing, PromotionOutcome.Aborted, 0, $"nothing to abort: the promotion of stack '{plan.Stack}' already ended {existing.Status.ToString().ToLowerInvariant()}, blue serves 100 %."));

        observer.Started(plan.Stack, existing.Target, existing.Steps, existing.StepIndex, resumed: true);
        await actuator.SetWeightsAsync(TrafficSplit.AllBlue, cancellationToken);
        observer.WeightsSet(null, TrafficSplit.AllBlue);
        var message = $"promotion of stack '{plan.Stack}' aborted at {existing.GreenPercent} % green: blue serves 100 %.";
        store.Save(existing with { Status = PromotionStatus.Aborted, GreenPercent = 0, Message = message, Runs = existing.Runs + 1 });
        return Finish(Report(plan, existing, PromotionOutcome.Aborted, 0, message));
    }

    private async Task<PromotionReport> FailAsync(
        PromotionPlan plan, PromotionState state, AnalysisResult analysis, StepReport step, List<StepReport> analysed, int? resumedAt, CancellationToken cancellationToken)
    {
        var failed = analysis.FirstUnsuccessful!;
        var metric = step.Metrics.First(m => m.Name == failed.Metric.Name);
        var what = $"metric '{metric.Name}' {metric.Phase.ToString().ToLowerInvariant()} at step {step.Step}/{plan.Steps.Count} ({step.GreenPercent} % green): " +
                   $"value {Value(metric.WorstValue)} against '{metric.Condition}' ({metric.Failed} failed, {metric.Inconclusive} inconclusive, {metric.Errors} errors in {metric.Measured} measurements{(metric.Message is null ? "" : "; " + metric.Message)})" +
                   (metric.Samples.Count > 0 ? $"; samples: {string.Join("; ", metric.Samples)}" : "");
        PromotionOutcome outcome;
        string message;
        if (plan.Release is { OneWay: true } release)
        {
            outcome = PromotionOutcome.Stopped;
            var scripts = release.OneWayScripts.Count > 0 ? string.Join(", ", release.OneWayScripts) : "(see " + release.Path + ")";
            message = $"{what}. STOPPED, not rolled back: the release applied one-way migration(s) {scripts}, so blue may not read the new schema; " +
                      $"traffic stays at {step.GreenPercent} % green. A person must decide: fix green and run 'toolkit promote' again (it re-analyses this step), " +
                      "or run 'toolkit promote --abort' to send all traffic to blue once blue can read the schema.";
            store.Save(state with { Status = PromotionStatus.Stopped, Message = message });
        }
        else
        {
            outcome = PromotionOutcome.RolledBack;
            message = $"{what}. Rolled back: blue serves 100 %.";
            await actuator.SetWeightsAsync(TrafficSplit.AllBlue, cancellationToken);
            observer.WeightsSet(null, TrafficSplit.AllBlue);
            store.Save(state with { Status = PromotionStatus.RolledBack, GreenPercent = 0, Message = message });
        }
        return Finish(new PromotionReport
        {
            Stack = plan.Stack, Target = plan.Target, Outcome = outcome, Steps = plan.Steps,
            GreenPercent = outcome == PromotionOutcome.Stopped ? step.GreenPercent : 0, Message = message,
            StepsAnalysed = analysed, ResumedAtStep = resumedAt, FailedMetric = metric.Name, FailedStep = step.Step,
            FailedStepPercent = step.GreenPercent, OneWayRelease = plan.Release?.OneWay ?? false,
            ScaleDownDelaySeconds = (int)plan.ScaleDownDelay.TotalSeconds,
        });
    }

    private static PromotionReport Report(PromotionPlan plan, PromotionState state, PromotionOutcome outcome, int green, string message) => new()
    {
        Stack = plan.Stack, Target = state.Target, Outcome = outcome, Steps = state.Steps, GreenPercent = green, Message = message,
        OneWayRelease = plan.Release?.OneWay ?? false, ScaleDownDelaySeconds = (int)plan.ScaleDownDelay.TotalSeconds,
    };

    private PromotionReport Finish(PromotionReport report)
    {
        observer.Finished(report);
        return report;
    }

    private static string Value(double? value) => value?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
