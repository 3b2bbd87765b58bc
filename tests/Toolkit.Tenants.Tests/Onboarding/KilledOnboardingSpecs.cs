using Toolkit.Core.Processes;
using System.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Onboarding;
using Toolkit.Tenants.Tests.Fixtures;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Tenants.Tests.Onboarding;

/// <summary>The real CLI, SIGKILLed at a known point of the onboarding (the test hook pauses it there), then rerun or aborted.</summary>
[Collection(PostgresCollection.Name)]
public sealed class KilledOnboardingSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Fact(Timeout = 900_000)]
    public async Task I_can_kill_an_onboarding_after_each_step_in_turn_and_a_rerun_reaches_the_same_end_state()
    {
        using var platform = await TestPlatform.CreateAsync(server, IsolationLevel.SchemaPerTenant);
        var reference = platform.Slug("ref");
        Assert.Equal(0, (await Onboard(platform, reference)).ExitCode);
        var expected = await TenantState.SnapshotAsync(platform, reference);
        output.WriteLine(expected);
        foreach (var step in OnboardingWorkflow.Default.Order())
        {
            var slug = platform.Slug("k-" + step.Id);
            await KillAfterAsync(platform, slug, step.Id);
            var rerun = await Onboard(platform, slug);
            output.WriteLine($"after {step.Id}: {rerun.StandardOutput.Split('\n')[0]}");
            Assert.True(rerun.ExitCode == 0, rerun.StandardError);
            Assert.Contains("already done", rerun.StandardOutput);
            Assert.Equal(expected, await TenantState.SnapshotAsync(platform, slug));
        }
        var verify = await platform.CliAsync("tenants", "verify");
        output.WriteLine(verify.StandardOutput);
        Assert.Equal(0, verify.ExitCode);
    }

    [Theory(Timeout = 900_000)]
    [InlineData(IsolationLevel.Rls)]
    [InlineData(IsolationLevel.SchemaPerTenant)]
    [InlineData(IsolationLevel.DbPerTenant)]
    public async Task I_can_kill_an_onboarding_mid_way_rerun_it_and_abort_another_partial_one_leaving_nothing(IsolationLevel level)
    {
        using var platform = await TestPlatform.CreateAsync(server, level);
        var (first, second) = (platform.Slug("first"), platform.Slug("second"));
        Assert.Equal(0, (await Onboard(platform, first)).ExitCode);
        var expected = await TenantState.SnapshotAsync(platform, first);
        var configBefore = platform.ConfigText();
        var nothing = await TenantState.SnapshotAsync(platform, second);

        await KillAfterAsync(platform, second, "place");
        Assert.NotEqual(nothing, await TenantState.SnapshotAsync(platform, second));
        var abort = await platform.CliAsync("tenants", "onboard", second, "--abort");
        output.WriteLine(abort.StandardOutput + abort.StandardError);
        Assert.True(abort.ExitCode == 0, abort.StandardError);
        Assert.Equal(nothing, await TenantState.SnapshotAsync(platform, second));
        Assert.Equal(configBefore, platform.ConfigText());

        await KillAfterAsync(platform, second, "verify");
        var rerun = await Onboard(platform, second);
        Assert.True(rerun.ExitCode == 0, rerun.StandardError);
        Assert.Equal(expected.Replace("SLUG", "X"), (await TenantState.SnapshotAsync(platform, second)).Replace("SLUG", "X"));
        var again = await platform.CliAsync("tenants", "onboard", second, "--abort");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("offboard", again.StandardError);
    }

    private static Task<Toolkit.Core.Processes.ProcessResult> Onboard(TestPlatform platform, string slug) =>
        platform.CliAsync("tenants", "onboard", slug, "--name", "Tenant", "--plan", "growth");

    private async Task KillAfterAsync(TestPlatform platform, string slug, string step)
    {
        var pidFile = Path.Combine(platform.Directory, ".toolkit", "tenants", "test-hook.pid");
        File.Delete(pidFile);
        await using var child = ProcessRunner.Start(ProcessSpec.For("dotnet")
            .WithArguments(ToolkitCli.DllPath, "tenants", "onboard", slug, "--name", "Tenant", "--plan", "growth", "--config", platform.ConfigPath, "--connection", platform.Admin)
            .WithWorkingDirectory(platform.Directory).WithEnvironment("CI", "true").WithEnvironment(OnboardingRunner.PauseAfterStep, step));
        for (var i = 0; i < 3600 && !File.Exists(pidFile) && !child.HasExited; i++) await Task.Delay(50);
        if (child.HasExited) Assert.Fail($"the onboarding ended before step {step}: {(await child.Completion).StandardError}");
        child.Kill();
        await child.WaitAsync();
        output.WriteLine($"killed after {step}");
    }
}
