namespace Toolkit.Core.Processes;

/// <summary>
/// The one place a process's stop is set up, in two stages: <see cref="Graceful"/> (CliWrap sends SIGINT, so tools such as
/// pulumi and pg_restore can clean up) is cancelled by the caller's token, the spec's timeout or <see cref="Interrupt"/>;
/// <see cref="Forceful"/> (the whole process tree is killed) follows the spec's grace period later, or at once on
/// <see cref="Kill"/>. A process that exits within the grace period is never killed.
/// </summary>
public sealed class TwoStageStop : IDisposable
{
    private readonly CancellationTokenSource _graceful;
    private readonly CancellationTokenSource _forceful = new();
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationTokenRegistration _escalate;

    /// <summary>Arms the stop for <paramref name="spec"/> (its timeout and grace period), also on <paramref name="cancellationToken"/>.</summary>
    public TwoStageStop(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        _graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (spec.Timeout is { } timeout)
        {
            // Its own source, so a timed-out stop is told from a cancelled one.
            _timeout = new CancellationTokenSource(timeout);
            _timeout.Token.Register(() => { try { _graceful.Cancel(); } catch (ObjectDisposedException) { } });
        }
        var grace = spec.GracePeriod;
        _escalate = _graceful.Token.Register(() => { try { _forceful.CancelAfter(grace); } catch (ObjectDisposedException) { } });
    }

    /// <summary>Cancelled when the process should be interrupted (SIGINT).</summary>
    public CancellationToken Graceful => _graceful.Token;

    /// <summary>Cancelled when the process tree should be killed (SIGKILL).</summary>
    public CancellationToken Forceful => _forceful.Token;

    /// <summary>True once the spec's timeout has passed.</summary>
    public bool TimedOut => _timeout?.IsCancellationRequested ?? false;

    /// <summary>Interrupts now; the kill follows after the grace period unless the process has exited.</summary>
    public void Interrupt() => _graceful.Cancel();

    /// <summary>Kills the process tree now.</summary>
    public void Kill() => _forceful.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _escalate.Dispose();
        _timeout?.Dispose();
        _graceful.Dispose();
        _forceful.Dispose();
    }
}
