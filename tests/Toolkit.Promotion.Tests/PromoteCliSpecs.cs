using System.Diagnostics;
using Toolkit.Core.Processes;
using Toolkit.Promotion.Reporting;
using Toolkit.Promotion.State;
using Toolkit.Promotion.Tests.Support;
using Toolkit.Testing;

namespace Toolkit.Promotion.Tests;

/// <summary>
/// The real built <c>toolkit promote</c>, as CI runs it: exit codes, reports, a job killed mid-bake and
/// resumed, a one-way migration, bad input and a missing Pulumi, against real nginx and real HTTP services.
/// </summary>
public sealed class PromoteCliSpecs
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task I_can_promote_from_the_cli_with_json_junit_and_a_job_summary()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        CliSite.WriteConfig(site);
        var summary = site.Directory.Write("summary.md", "# earlier step\n");

        var result = await ToolkitCli.RunAsync(site.Directory.Path, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary },
            "promote", "--config", "toolkit.yaml", "--stack", "dev", "--steps", "50,100", "--json", "--junit", "out/promotion.xml", "--github-summary").WaitAsync(Limit);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var report = JsonReport.Read(result.StandardOutput);
        Assert.Equal(PromotionOutcome.Promoted, report.Outcome);
        Assert.Equal([50, 100], report.StepsAnalysed.Select(s => s.GreenPercent));
        Assert.Contains("step 1/2: green 50 % / blue 50 %", result.StandardError); // progress on stderr when stdout is JSON
        Assert.Contains("<testsuite name=\"promote dev\" tests=\"6\" failures=\"0\" errors=\"0\" skipped=\"0\">", File.ReadAllText(site.Directory.Combine("out", "promotion.xml")));
        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("# earlier step\n### :white_check_mark: Promotion of `dev` (local): promoted", markdown);
        Assert.Equal((0, 100), await site.SendThroughNginxAsync(100));
    }

    [Fact]
    public async Task I_can_resume_a_promotion_whose_job_was_killed_mid_bake()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        CliSite.WriteConfig(site);
        var store = new PromotionStateStore(site.StatePath);

        await using (var job = StartPromote(site, "--bake", "3s"))
        {
            // Wait until step 2 (10 %) is in effect and baking, then kill the job the way a CI runner does.
            var clock = Stopwatch.StartNew();
            while (store.Load() is not { StepIndex: 1, GreenPercent: 10 })
            {
                Assert.True(clock.Elapsed < Limit, "the promotion never reached step 2");
                if (job.HasExited)
                {
                    var ended = await job.Completion;
                    Assert.Fail($"the promotion ended (exit {ended.ExitCode}) before it could be killed: {ended.StandardError}");
                }
                await Task.Delay(50);
            }
            job.Kill();
            await job.WaitAsync();
        }
        Assert.Equal(PromotionStatus.InProgress, store.Load()!.Status);
        Assert.Equal((90, 10), await site.SendThroughNginxAsync(100)); // nginx kept the weights of the killed step

        var resumed = await CliSite.PromoteAsync(site, "--bake", "1s").WaitAsync(Limit);

        Assert.True(resumed.ExitCode == 0, resumed.StandardError + resumed.StandardOutput);
        Assert.Contains("resuming at step 2/4 (10 % green)", resumed.StandardOutput);
        Assert.DoesNotContain("step 1/4:", resumed.StandardOutput); // step 1 was not redone
        var state = store.Load()!;
        Assert.Equal((PromotionStatus.Promoted, 2), (state.Status, state.Runs));
        Assert.Equal((0, 100), await site.SendThroughNginxAsync(100));
    }

    [Fact]
    public async Task I_can_cancel_a_promotion_job_and_keep_its_state_for_the_next_run()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        CliSite.WriteConfig(site);
        var store = new PromotionStateStore(site.StatePath);
        await using var job = StartPromote(site, "--bake", "5s");
        var clock = Stopwatch.StartNew();
        while (store.Load() is not { StepIndex: 0, GreenPercent: 1 })
        {
            Assert.True(clock.Elapsed < Limit && !job.HasExited, "the promotion never reached step 1");
            await Task.Delay(50);
        }

        // What a cancelled CI job receives.
        job.Terminate();
        var ended = await job.WaitAsync().WaitAsync(Limit);

        Assert.Equal(1, ended.ExitCode);
        Assert.Contains("interrupted: the promotion state is kept in", ended.StandardError);
        Assert.Equal((PromotionStatus.InProgress, 1), (store.Load()!.Status, store.Load()!.GreenPercent));
    }

    [Fact]
    public async Task I_can_see_a_failing_green_rolled_back_with_exit_1_naming_metric_and_step()
    {
        await using var site = new LocalSite(UpstreamBehaviour.FailingFifth);
        CliSite.WriteConfig(site);

        var result = await CliSite.PromoteAsync(site).WaitAsync(Limit);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rolledback: metric 'error-rate' failed at step 1/4 (1 % green)", result.StandardOutput);
        Assert.Contains("Rolled back: blue serves 100 %.", result.StandardOutput);
        Assert.Equal((100, 0), await site.SendThroughNginxAsync(100));
    }

    [Fact]
    public async Task I_can_see_a_one_way_migration_stop_the_promotion_with_exit_4()
    {
        await using var site = new LocalSite(UpstreamBehaviour.FailingFifth);
        CliSite.WriteConfig(site);
        site.Directory.Write("release.json", """{"oneWay": true, "scripts": [{"name": "V7__drop_legacy_notes.sql", "checksum": "9f2c", "oneWay": true}]}""");

        var result = await CliSite.PromoteAsync(site, "--steps", "10,100", "--release-manifest", "release.json").WaitAsync(Limit);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("STOPPED, not rolled back: the release applied one-way migration(s) V7__drop_legacy_notes.sql", result.StandardOutput);
        Assert.Contains("traffic stays at 10 % green", result.StandardOutput);
        Assert.Equal((90, 10), await site.SendThroughNginxAsync(100));
        Assert.Equal(PromotionStatus.Stopped, new PromotionStateStore(site.StatePath).Load()!.Status);
    }

    [Fact]
    public async Task I_can_see_bad_input_refused_with_no_weight_changed()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        CliSite.WriteConfig(site);
        site.Directory.Write("single.yaml", CliSite.Yaml(site, pattern: "single-region"));
        var first = await CliSite.PromoteAsync(site, "--steps", "100").WaitAsync(Limit); // nginx config and state now exist
        Assert.True(first.ExitCode == 0, first.StandardError);
        var before = site.Directory.Snapshot();
        Assert.Contains(Path.Combine(".toolkit", "promotion.dev.json"), before.Keys);

        (string[] Args, string Message)[] cases =
        [
            (["--steps", "10,5,100"], "--steps '10,5,100': steps must increase, but 5 follows 10"),
            (["--steps", "1,10,50"], "the last step must be 100"),
            (["--max-error-rate", "1.5"], "--max-error-rate: max error rate 1.5 is out of range"),
            (["--max-p95-ms", "0"], "--max-p95-ms: max p95 latency 0 ms is out of range"),
            (["--bake", "forever"], "--bake 'forever' is not a duration"),
        ];
        foreach (var (args, message) in cases)
        {
            var result = await CliSite.PromoteAsync(site, args).WaitAsync(Limit);
            Assert.True(result.ExitCode == 1, $"{string.Join(' ', args)}: exit {result.ExitCode}");
            Assert.Contains(message, result.StandardError);
        }
        var unknown = await ToolkitCli.RunAsync(site.Directory.Path, "promote", "--config", "toolkit.yaml", "--stack", "qa").WaitAsync(Limit);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("toolkit.yaml:", unknown.StandardError);
        Assert.Contains("error PROMO001: unknown stack 'qa'; toolkit.yaml defines: dev, prod", unknown.StandardError);
        var notBlueGreen = await ToolkitCli.RunAsync(site.Directory.Path, "promote", "--config", "single.yaml", "--stack", "dev").WaitAsync(Limit);
        Assert.Equal(1, notBlueGreen.ExitCode);
        Assert.Contains("single.yaml:", notBlueGreen.StandardError);
        Assert.Contains("stack 'dev' is not blue-green", notBlueGreen.StandardError);

        Assert.Equal(before, site.Directory.Snapshot());
        Assert.Equal((0, 100), await site.SendThroughNginxAsync(100));
    }

    [Fact]
    public async Task I_can_see_the_pulumi_target_refused_with_exit_3_when_pulumi_is_missing()
    {
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        CliSite.WriteConfig(site);
        var before = site.Directory.Snapshot();

        var result = await CliSite.PromoteAsync(site, "--target", "pulumi").WaitAsync(Limit);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("'pulumi' is not on PATH", result.StandardError);
        Assert.Contains("No weight was changed.", result.StandardError);
        Assert.Equal(before, site.Directory.Snapshot());
    }

    private static RunningProcess StartPromote(LocalSite site, params string[] args) =>
        ProcessRunner.Start(ProcessSpec.For("dotnet")
            .WithArguments([ToolkitCli.DllPath, "promote", "--config", "toolkit.yaml", "--stack", site.Stack, .. args])
            .WithWorkingDirectory(site.Directory.Path)
            .WithEnvironment("CI", "true"));
}
