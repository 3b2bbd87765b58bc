using Spectre.Console;
using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Analysis;
using Toolkit.Promotion.Reporting;

namespace Toolkit.Promotion.Tests;

/// <summary>How progress and results are shown: plain lines for CI, a live table on a terminal.</summary>
public sealed class ReportingSpecs
{
    private static readonly Metric ErrorRate = AnalysisTemplate.ForThresholds(0.02, 500, 3, TimeSpan.FromSeconds(1), "/healthz").Metrics[0];

    private static readonly PromotionReport RolledBack = new()
    {
        Stack = "prod", Target = "local", Outcome = PromotionOutcome.RolledBack, Steps = [1, 100], GreenPercent = 0,
        Message = "metric 'error-rate' failed at step 1/2 (1 % green)", FailedMetric = "error-rate", FailedStep = 1, FailedStepPercent = 1,
        StepsAnalysed = [new StepReport(1, 1, AnalysisPhase.Failed, [new MetricReport("error-rate", AnalysisPhase.Failed, "result <= 0.02", 1, 1, 0, 0, 0.2, 0.2, null)])],
    };

    [Fact]
    public void I_can_follow_a_promotion_as_plain_lines_in_ci()
    {
        var output = new StringWriter();
        Drive(new PlainReporter(output));

        Assert.Equal(
            "promote prod (local): steps 1, 100 % green\n" +
            "step 1/2: green 1 % / blue 99 %\n" +
            "  error-rate = 0.2 [result <= 0.02] failed; metric failed after 1/4\n" +
            "step 1/2 (1 % green): analysis failed\n" +
            "weights: green 0 % / blue 100 %\n" +
            "rolledback: metric 'error-rate' failed at step 1/2 (1 % green)\n",
            output.ToString());
    }

    [Fact]
    public async Task I_can_follow_a_promotion_in_a_live_table_on_a_terminal()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });

        var report = await LiveReporter.RunAsync(console, observer =>
        {
            Drive(observer);
            return Task.FromResult(RolledBack);
        });

        Assert.Same(RolledBack, report);
        var text = output.ToString();
        Assert.Contains("promote prod (local)", text);
        Assert.Contains("error-rate 0.2 (1/4)", text);
        Assert.Contains("back to blue", text);
        Assert.Contains("rolledback: metric 'error-rate' failed at step 1/2", text);
    }

    [Fact]
    public void I_can_get_the_same_report_bytes_for_the_same_run()
    {
        Assert.Equal(JsonReport.Write(RolledBack), JsonReport.Write(RolledBack with { }));
        Assert.Contains("\"outcome\": \"rolled-back\"", JsonReport.Write(RolledBack));
        Assert.Equal(JUnitReport.Write(RolledBack), JUnitReport.Write(RolledBack with { }));
        Assert.DoesNotContain("\r", JUnitReport.Write(RolledBack) + GitHubSummary.Write(RolledBack));
    }

    private static void Drive(IPromotionObserver observer)
    {
        observer.Started("prod", "local", [1, 100], 0, resumed: false);
        observer.WeightsSet(0, new TrafficSplit(1));
        var failed = new Measurement(AnalysisPhase.Failed, 0.2);
        observer.Measured(0, new MeasurementTaken(ErrorRate, failed, Assessor.Assess(ErrorRate, [failed])));
        observer.StepFinished(0, RolledBack.StepsAnalysed[0]);
        observer.WeightsSet(null, TrafficSplit.AllBlue);
        observer.Finished(RolledBack);
    }
}
