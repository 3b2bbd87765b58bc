using System.Globalization;
using Toolkit.Core.Processes;

namespace Toolkit.Migrations.Tests;

/// <summary>
/// The two-stage stop (<see cref="TwoStageStop"/>) that both <see cref="ProcessRunner.Start"/> and <see cref="ProcessRunner.RunAsync"/>
/// use: on real child processes, one that ignores SIGINT is killed after the grace period, one that exits on SIGINT is not.
/// </summary>
public sealed class ProcessStopSpecs
{
    // Prints its pid, then loops; `trap` decides what SIGINT does.
    private static ProcessSpec Looping(string trap, TimeSpan grace, Action<string> onLine) =>
        ProcessSpec.For("sh").WithArguments("-c", $"{trap}; echo $$; while true; do sleep 0.1; done").WithGracePeriod(grace).WithOutputLines(onLine);

    [Fact]
    public void The_kill_stage_follows_the_interrupt_only_after_the_grace_period()
    {
        using var patient = new TwoStageStop(ProcessSpec.For("x").WithGracePeriod(TimeSpan.FromMinutes(5)));
        using var quick = new TwoStageStop(ProcessSpec.For("x").WithGracePeriod(TimeSpan.FromMilliseconds(50)));
        using var cancelled = new CancellationTokenSource();
        using var byCaller = new TwoStageStop(ProcessSpec.For("x").WithGracePeriod(TimeSpan.FromMilliseconds(50)), cancelled.Token);

        patient.Interrupt();
        quick.Interrupt();
        cancelled.Cancel();

        Assert.True(patient.Graceful.IsCancellationRequested);
        Assert.False(patient.Forceful.IsCancellationRequested);
        Assert.True(quick.Forceful.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
        Assert.True(byCaller.Graceful.IsCancellationRequested);
        Assert.True(byCaller.Forceful.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
        Assert.False(byCaller.TimedOut);
        patient.Kill();
        Assert.True(patient.Forceful.IsCancellationRequested);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_started_process_that_ignores_sigint_is_killed_after_the_grace_period_and_one_that_exits_on_it_is_not()
    {
        var stubbornPid = new TaskCompletionSource<int>();
        await using var stubborn = ProcessRunner.Start(Looping("trap '' INT", TimeSpan.FromSeconds(1), l => stubbornPid.TrySetResult(int.Parse(l, CultureInfo.InvariantCulture))));
        var stubbornId = await stubbornPid.Task;
        stubborn.Interrupt();
        await Task.Delay(300);
        Assert.False(stubborn.HasExited); // interrupted, ignoring it, not yet killed
        var killed = await stubborn.WaitAsync();
        Assert.True(killed.ExitCode is 137 or -1, $"exit code {killed.ExitCode}"); // 128 + SIGKILL (or none kept once killed)
        Assert.False(IsRunning(stubbornId));

        // Exits on SIGINT after cleaning up: its own exit code and output, well inside a long grace period.
        var started = new TaskCompletionSource<string>();
        await using var polite = ProcessRunner.Start(Looping("trap 'sleep 0.3; echo cleaned; exit 4' INT", TimeSpan.FromMinutes(5), l => started.TrySetResult(l)));
        await started.Task;
        polite.Interrupt();
        var ended = await polite.WaitAsync();
        Assert.Equal(4, ended.ExitCode);
        Assert.Contains("cleaned", ended.StandardOutput);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_run_cancelled_by_its_caller_interrupts_first_and_kills_a_process_that_ignores_sigint_after_the_grace_period()
    {
        var pid = new TaskCompletionSource<int>();
        using var cancel = new CancellationTokenSource();
        var run = ProcessRunner.RunAsync(Looping("trap '' INT", TimeSpan.FromSeconds(1), l => pid.TrySetResult(int.Parse(l, CultureInfo.InvariantCulture))), cancel.Token);
        var child = await pid.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.False(IsRunning(child));

        // Exits on SIGINT: it runs its handler to the end (the kill never comes within five minutes' grace).
        var output = new List<string>();
        var ready = new TaskCompletionSource();
        using var cancelPolite = new CancellationTokenSource();
        var polite = ProcessRunner.RunAsync(Looping("trap 'sleep 0.3; echo cleaned; exit 0' INT", TimeSpan.FromMinutes(5), l => { lock (output) output.Add(l); ready.TrySetResult(); }), cancelPolite.Token);
        await ready.Task;
        await cancelPolite.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polite);
        for (var wait = 0; wait < 100 && !output.Contains("cleaned"); wait++) await Task.Delay(50);
        lock (output) Assert.Contains("cleaned", output);
    }

    private static bool IsRunning(int pid) => ProcessRunnerSpecs.IsRunning(pid);
}
