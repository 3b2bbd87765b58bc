using Toolkit.Core.Diagnostics;
using Toolkit.Promotion.Engine;
using Toolkit.Promotion.Reporting;
using Toolkit.Promotion.State;
using Toolkit.Promotion.Tests.Support;

namespace Toolkit.Promotion.Tests;

/// <summary>
/// Promotions end to end in this process: real nginx (own prefix, pid file, reloads) in front of two
/// real HTTP services on loopback; user traffic sent through nginx after every split is counted at each upstream.
/// </summary>
public sealed class PromotionSpecs
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task I_can_promote_a_healthy_green_to_100_percent_with_traffic_following_the_weights()
    {
        Assert.True(LocalSite.NginxInstalled, "nginx is needed: apt-get install -y nginx");
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        var traffic = new TrafficRecorder(site);

        var report = await InProcess.Engine(site, traffic).RunAsync(InProcess.Plan(site), CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.Promoted, report.Outcome);
        Assert.Equal(100, report.GreenPercent);
        Assert.Equal([1, 2, 3, 4], report.StepsAnalysed.Select(s => s.Step));
        Assert.All(report.StepsAnalysed, s => Assert.Equal(Analysis.AnalysisPhase.Successful, s.Phase));
        // nginx's weighted round robin over 100 requests gives green exactly its percentage.
        Assert.Equal(
            [new TrafficAtSplit(0, 1, 99, 1), new TrafficAtSplit(1, 10, 90, 10), new TrafficAtSplit(2, 50, 50, 50), new TrafficAtSplit(3, 100, 0, 100)],
            traffic.Splits);
        Assert.True(site.Green.ProbeRequests > 0, "the analysis probed green directly");
        Assert.Equal(0, site.Blue.ProbeRequests);

        var state = PromotionStateStore.Beside(site.ConfigPath, site.Stack).Load()!;
        Assert.Equal(PromotionStatus.Promoted, state.Status);
        Assert.NotNull(state.BlueRetainedUntil);
        Assert.Contains("blue is kept for 10m", report.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task I_can_see_a_failing_green_rolled_back_at_the_first_step_whose_analysis_sees_it()
    {
        await using var site = new LocalSite(UpstreamBehaviour.FailingFifth);
        var traffic = new TrafficRecorder(site);

        var report = await InProcess.Engine(site, traffic).RunAsync(InProcess.Plan(site), CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.RolledBack, report.Outcome);
        Assert.Equal("error-rate", report.FailedMetric);
        Assert.Equal(1, report.FailedStep);
        Assert.Equal(1, report.FailedStepPercent);
        Assert.Contains("metric 'error-rate' failed at step 1/4 (1 % green): value ", report.Message);
        Assert.Contains(" against 'result <= 0.02'", report.Message);
        // Every fifth request fails; probes of the two HTTP metrics interleave, so one batch of 20 sees about 4 failures.
        var errorRate = report.StepsAnalysed[0].Metrics.Single(m => m.Name == "error-rate").WorstValue!.Value;
        Assert.InRange(errorRate, 0.1, 0.3);
        // 1 % reached green, then the rollback sent everything to blue.
        Assert.Equal([new TrafficAtSplit(0, 1, 99, 1), new TrafficAtSplit(null, 0, 100, 0)], traffic.Splits);
        Assert.Contains("server " + site.Green.HostPort + " down max_fails=0;", File.ReadAllText(site.Nginx.Site.ConfigPath));
        Assert.Equal(PromotionStatus.RolledBack, PromotionStateStore.Beside(site.ConfigPath, site.Stack).Load()!.Status);

        // The same report, as CI reads it.
        var junit = JUnitReport.Write(report);
        Assert.Contains($"<failure message=\"error-rate failed: value {errorRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}, condition result &lt;= 0.02\"", junit);
        Assert.Contains("name=\"step 2 (10 % green)\"", junit);
        Assert.Contains("<skipped message=\"not reached: rolledback\"", junit);
        Assert.Contains($"| 1 | 1 | failed | error-rate (failed) | {errorRate.ToString(System.Globalization.CultureInfo.InvariantCulture)} | `result <= 0.02` |", GitHubSummary.Write(report));
        Assert.Equal(JsonReport.Write(report), JsonReport.Write(JsonReport.Read(JsonReport.Write(report))));
    }

    [Fact]
    public async Task I_can_see_a_slow_green_fail_on_p95_latency()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Slow);
        var traffic = new TrafficRecorder(site, requestsPerSplit: 10);

        var report = await InProcess.Engine(site, traffic)
            .RunAsync(InProcess.Plan(site, new PromotionRequest { ConfigPath = "", Stack = "", MaxP95Ms = 150 }), CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.RolledBack, report.Outcome);
        Assert.Equal("p95-latency-ms", report.FailedMetric);
        Assert.Equal(1, report.FailedStep);
        var p95 = report.StepsAnalysed[0].Metrics.Single(m => m.Name == "p95-latency-ms");
        Assert.True(p95.WorstValue >= TestUpstream.SlowDelay.TotalMilliseconds, $"p95 {p95.WorstValue} ms");
        Assert.Equal(0, traffic.Splits[^1].GreenPercent);
    }

    [Fact]
    public async Task I_can_see_an_unhealthy_green_fail_on_health_checks()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Unhealthy);

        var report = await InProcess.Engine(site, new TrafficRecorder(site, 10))
            .RunAsync(InProcess.Plan(site, new PromotionRequest { ConfigPath = "", Stack = "", MaxFailedHealthChecks = 1 }), CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.RolledBack, report.Outcome);
        Assert.Equal("failed-health-checks", report.FailedMetric);
        var health = report.StepsAnalysed[0].Metrics.Single(m => m.Name == "failed-health-checks");
        Assert.Equal(2, health.Failed); // one more than tolerated
    }

    [Fact]
    public async Task I_can_stop_at_the_current_weight_instead_of_rolling_back_after_a_one_way_migration_and_abort_later()
    {
        await using var site = new LocalSite(UpstreamBehaviour.FailingFifth);
        site.Directory.Write(".toolkit/release.json", """{"oneWay": true, "scripts": [{"name": "V7__drop_orders_legacy.sql", "checksum": "9f", "oneWay": true}]}""");
        var traffic = new TrafficRecorder(site);
        var plan = InProcess.Plan(site, new PromotionRequest { ConfigPath = "", Stack = "", Steps = "10,100" });

        var report = await InProcess.Engine(site, traffic).RunAsync(plan, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.Stopped, report.Outcome);
        Assert.Equal(10, report.GreenPercent);
        Assert.Contains("STOPPED, not rolled back: the release applied one-way migration(s) V7__drop_orders_legacy.sql", report.Message);
        Assert.Equal([new TrafficAtSplit(0, 10, 90, 10)], traffic.Splits); // no rollback split
        Assert.Equal((90, 10), await site.SendThroughNginxAsync(100)); // still 10 % green
        Assert.Equal(PromotionStatus.Stopped, PromotionStateStore.Beside(site.ConfigPath, site.Stack).Load()!.Status);

        var abort = await InProcess.Engine(site, traffic).AbortAsync(plan, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.Aborted, abort.Outcome);
        Assert.Equal((100, 0), await site.SendThroughNginxAsync(100));
        Assert.Equal(PromotionStatus.Aborted, PromotionStateStore.Beside(site.ConfigPath, site.Stack).Load()!.Status);
    }

    [Fact]
    public async Task I_can_see_a_different_unfinished_promotion_refused_with_nothing_changed()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        var store = PromotionStateStore.Beside(site.ConfigPath, site.Stack);
        await site.Nginx.SetWeightsAsync(new Actuators.TrafficSplit(25), CancellationToken.None);
        store.Save(new PromotionState { Stack = site.Stack, Target = "local", Steps = [25, 100], StepIndex = 0, GreenPercent = 25, Status = PromotionStatus.InProgress });
        var before = site.Directory.Snapshot();

        var error = await Assert.ThrowsAsync<DiagnosticException>(() =>
            InProcess.Engine(site, new TrafficRecorder(site)).RunAsync(InProcess.Plan(site), CancellationToken.None));

        Assert.Contains("an unfinished promotion of stack 'dev' (steps 25,100, target local, 25 % green) has other steps", error.Message);
        Assert.Equal(before, site.Directory.Snapshot());
        Assert.Equal((75, 25), await site.SendThroughNginxAsync(100));
    }

    [Fact]
    public async Task I_can_send_traffic_back_to_blue_while_blue_is_kept_and_not_after()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        var kept = InProcess.Plan(site, new PromotionRequest { ConfigPath = "", Stack = "", Steps = "100", ScaleDownDelay = "10m" });
        Assert.Equal(PromotionOutcome.Promoted, (await InProcess.Engine(site, new TrafficRecorder(site, 10)).RunAsync(kept, CancellationToken.None).WaitAsync(Limit)).Outcome);

        var aborted = await InProcess.Engine(site, new TrafficRecorder(site, 10)).AbortAsync(kept, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.Aborted, aborted.Outcome);
        Assert.Equal((100, 0), await site.SendThroughNginxAsync(100));

        var gone = kept with { ScaleDownDelay = TimeSpan.Zero };
        Assert.Equal(PromotionOutcome.Promoted, (await InProcess.Engine(site, new TrafficRecorder(site, 10)).RunAsync(gone, CancellationToken.None).WaitAsync(Limit)).Outcome);
        await Task.Delay(10);
        var before = site.Directory.Snapshot();

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => InProcess.Engine(site, new TrafficRecorder(site, 10)).AbortAsync(gone, CancellationToken.None));

        Assert.Contains("blue was kept only until", error.Message);
        Assert.Equal(before, site.Directory.Snapshot());
        Assert.Equal((0, 100), await site.SendThroughNginxAsync(100));
    }
}
