using System.Runtime.InteropServices;

namespace Toolkit.Core.Processes;

/// <summary>
/// A process started with <see cref="ProcessRunner.Start"/> that the caller watches and stops itself: its pid, whether
/// it has exited, and the three ways a CI runner ends a job (SIGINT, SIGTERM, SIGKILL of the whole tree). Output is
/// captured as with <see cref="ProcessRunner.RunAsync"/> and streamed to the spec's line callbacks while it runs.
/// Disposing kills it if it is still running, so a failed test never leaves a process behind.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable, IDisposable
{
    private const int Sigterm = 15;
    private readonly TwoStageStop _stop;

    internal RunningProcess(int id, Task<ProcessResult> completion, TwoStageStop stop)
    {
        Id = id;
        Completion = completion;
        _stop = stop;
    }

    /// <summary>The operating system's process id.</summary>
    public int Id { get; }

    /// <summary>Completes with the exit code and the captured output when the process has exited (killed ones too).</summary>
    public Task<ProcessResult> Completion { get; }

    /// <summary>True once the process has exited and its output has been read to the end.</summary>
    public bool HasExited => Completion.IsCompleted;

    /// <summary>Sends SIGINT (Ctrl+C), as an interactive user would; the spec's grace period then applies before a kill.</summary>
    public void Interrupt() => _stop.Interrupt();

    /// <summary>Sends SIGTERM, what a cancelled CI job receives; the process decides how to stop.</summary>
    /// <exception cref="InvalidOperationException">The signal could not be sent (the process is gone).</exception>
    public void Terminate()
    {
        if (SendSignal(Id, Sigterm) != 0)
            throw new InvalidOperationException($"SIGTERM could not be sent to process {Id} (errno {Marshal.GetLastPInvokeError()}).");
    }

    /// <summary>Kills the process and its children at once (SIGKILL), as a CI runner does when a job is aborted.</summary>
    public void Kill() => _stop.Kill();

    /// <summary>Waits for the process to exit (it is not stopped).</summary>
    public Task<ProcessResult> WaitAsync(CancellationToken cancellationToken = default) => Completion.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!HasExited) Kill();
        try { await Completion; }
        catch (Exception e) when (e is OperationCanceledException or ProcessNotFoundException) { }
        _stop.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);
}
