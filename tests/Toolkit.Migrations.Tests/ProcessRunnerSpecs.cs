using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests;

/// <summary>The one process runner (core/Processes, on CliWrap): pipes without a shell, live output, two-stage cancellation.</summary>
public class ProcessRunnerSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task I_can_pipe_one_process_into_another_without_a_shell()
    {
        // 8 MB through the pipe: more than any buffer, so a pipe that does not stream would block.
        var result = await ProcessRunner.PipeAsync(ProcessSpec.For("head").WithArguments("-c", "8000000", "/dev/zero"), ProcessSpec.For("wc").WithArguments("-c"));
        Assert.True(result.Succeeded, result.Producer.StandardError + result.Consumer.StandardError);
        Assert.Equal("8000000", result.Consumer.StandardOutput.Trim());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pipe_fails_like_pipefail_when_either_side_fails_and_never_leaves_the_producer_running()
    {
        var producerFails = await ProcessRunner.PipeAsync(ProcessSpec.For("sh").WithArguments("-c", "echo partial; echo 'dump broke' >&2; exit 4"),
            ProcessSpec.For("cat"));
        Assert.False(producerFails.Succeeded);
        Assert.Equal(4, producerFails.Producer.ExitCode);
        Assert.Contains("dump broke", producerFails.Producer.StandardError);
        Assert.Equal("partial\n", producerFails.Consumer.StandardOutput);

        // An endless producer whose consumer stops reading is stopped, as SIGPIPE would stop it.
        var consumerStops = await ProcessRunner.PipeAsync(ProcessSpec.For("yes").WithGracePeriod(TimeSpan.FromMilliseconds(200)),
            ProcessSpec.For("head").WithArguments("-n", "2"));
        Assert.Equal("y\ny\n", consumerStops.Consumer.StandardOutput);
        Assert.False(consumerStops.Producer.Succeeded);
        Assert.False(consumerStops.Succeeded);

        var missing = await Assert.ThrowsAsync<ProcessNotFoundException>(() =>
            ProcessRunner.PipeAsync(ProcessSpec.For("yes"), ProcessSpec.For("no-such-tool-toolkit")));
        Assert.Equal("no-such-tool-toolkit", missing.FileName);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_see_output_line_by_line_while_the_process_runs()
    {
        using var dir = new TempDirectory("toolkit-proc");
        var flag = dir.Combine("flag");
        var lines = new List<string>();
        // The script waits for a file that only the first line's callback creates: without live streaming it would time out.
        var spec = ProcessSpec.For("sh").WithArguments("-c", "echo one; while [ ! -f \"$1\" ]; do sleep 0.05; done; echo two; echo err >&2", "sh", flag)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithOutputLines(line => { lock (lines) lines.Add(line); if (line == "one") File.WriteAllText(flag, ""); }, line => { lock (lines) lines.Add("stderr: " + line); });
        var result = await ProcessRunner.RunAsync(spec);
        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("one\ntwo\n", result.StandardOutput);
        Assert.Equal(["one", "stderr: err", "two"], lines.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_timed_out_process_is_interrupted_first_and_killed_with_its_children_when_it_ignores_the_interrupt()
    {
        var polite = await ProcessRunner.RunAsync(ProcessSpec.For("sh")
            .WithArguments("-c", "trap 'echo interrupted; exit 3' INT; echo started; while true; do sleep 0.1; done")
            .WithTimeout(TimeSpan.FromSeconds(2)).WithGracePeriod(TimeSpan.FromSeconds(20)));
        Assert.True(polite.TimedOut);
        Assert.Contains("interrupted", polite.StandardOutput); // it got SIGINT and had time to clean up

        // Ignores SIGINT and has a child holding the output open: the whole tree is killed after the grace period.
        var stubborn = await ProcessRunner.RunAsync(ProcessSpec.For("sh").WithArguments("-c", "trap '' INT; sleep 300 & wait")
            .WithTimeout(TimeSpan.FromSeconds(1)).WithGracePeriod(TimeSpan.FromSeconds(1)));
        Assert.True(stubborn.TimedOut);
        Assert.False(stubborn.Succeeded);
        Assert.True(stubborn.Duration < TimeSpan.FromSeconds(60), $"took {stubborn.Duration}"); // not the 300 s of the child

        await Assert.ThrowsAsync<ProcessNotFoundException>(() => ProcessRunner.RunAsync(ProcessSpec.For("no-such-tool-toolkit")));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_start_a_process_watch_it_and_stop_it_the_ways_a_ci_runner_does()
    {
        // SIGTERM: the process hears it and stops in its own way, with its own exit code and output.
        var pid = new TaskCompletionSource<string>();
        await using (var polite = ProcessRunner.Start(ProcessSpec.For("sh")
            .WithArguments("-c", "trap 'echo terminated; exit 3' TERM; echo $$; while true; do sleep 0.1; done")
            .WithOutputLines(line => pid.TrySetResult(line))))
        {
            Assert.Equal(polite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await pid.Task);
            Assert.False(polite.HasExited);
            polite.Terminate();
            var ended = await polite.WaitAsync();
            Assert.Equal(3, ended.ExitCode);
            Assert.Contains("terminated", ended.StandardOutput);
        }

        // SIGKILL takes the children too: the child sleeping 300 s is gone with its parent.
        var child = new TaskCompletionSource<int>();
        var parent = ProcessRunner.Start(ProcessSpec.For("sh").WithArguments("-c", "sleep 300 & echo $!; wait")
            .WithOutputLines(line => child.TrySetResult(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture))));
        var childPid = await child.Task;
        Assert.True(Directory.Exists($"/proc/{childPid}"));
        parent.Kill();
        var killed = await parent.WaitAsync();
        Assert.False(killed.Succeeded);
        for (var wait = 0; wait < 100 && IsRunning(childPid); wait++) await Task.Delay(50);
        Assert.False(IsRunning(childPid), $"the child {childPid} outlived the kill");

        // Disposing a running process stops it: nothing is left behind by a test that fails half way.
        var orphan = ProcessRunner.Start(ProcessSpec.For("sleep").WithArguments("300"));
        var orphanPid = orphan.Id;
        await orphan.DisposeAsync();
        Assert.False(IsRunning(orphanPid));
    }

    // A zombie (exited, not yet reaped by its parent) counts as gone.
    internal static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
}
