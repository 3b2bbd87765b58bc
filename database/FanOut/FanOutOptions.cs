namespace Toolkit.Database.FanOut;

/// <summary>How a fan-out runs.</summary>
public sealed record FanOutOptions
{
    /// <summary>Tenants migrated at once (at least 1).</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Migrate this many pending tenants first, one by one; stop everything on any failure. 0 = no canary.</summary>
    public int Canary { get; init; }

    /// <summary>Apply even when blocking lint rules fire.</summary>
    public bool AllowDestructive { get; init; }

    /// <summary>Apply even when applied scripts changed.</summary>
    public bool AllowChanged { get; init; }

    /// <summary>Directory for the pre-migration <c>pg_dump</c>; null = no dump.</summary>
    public string? BackupDirectory { get; init; }

    /// <summary>Statement timeout per statement.</summary>
    public TimeSpan? StatementTimeout { get; init; }

    /// <summary>This run's shard, 1-based (with <see cref="Shards"/>): only tenants assigned to it are migrated.</summary>
    public int Shard { get; init; } = 1;

    /// <summary>How many disjoint shards the tenants are split into (a CI matrix runs one job per shard).</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Only plan: find pending tenants (one query) and report, change nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>What happened to one tenant in a fan-out.</summary>
public enum TenantRunState
{
    /// <summary>Scripts were applied.</summary>
    Applied,
    /// <summary>Nothing was pending (found by the bulk query, or by its journal).</summary>
    Skipped,
    /// <summary>A script failed or the run was refused; earlier scripts of this tenant stay applied.</summary>
    Failed,
    /// <summary>Not started because the canary failed or the run was cancelled.</summary>
    NotStarted,
    /// <summary>Dry run: would apply.</summary>
    Pending,
}

/// <summary>One tenant's line in the summary.</summary>
public sealed record TenantRunOutcome(string TenantId, TenantRunState State, IReadOnlyList<string> Applied, string? Error, string? FailingScript);

/// <summary>The fan-out summary: per tenant outcome, the backup path, and every script applied (for the release manifest).</summary>
public sealed record FanOutSummary(IReadOnlyList<TenantRunOutcome> Tenants, string? BackupPath, IReadOnlyList<ExecutedScript> Executed)
{
    /// <summary>Why nothing was started (changed script, blocking lint), or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>The plan's findings behind <see cref="Refusal"/> (lint with file:line).</summary>
    public IReadOnlyList<Core.Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Wall time of each phase of the run, in order (registry, journals, plan, tenants, grants and state, record, ...).</summary>
    public IReadOnlyList<FanOutPhase> Phases { get; init; } = [];

    /// <summary>Count of tenants in <paramref name="state"/>.</summary>
    public int Count(TenantRunState state) => Tenants.Count(t => t.State == state);

    /// <summary>True when no tenant failed or was left unstarted.</summary>
    public bool Successful => Refusal is null && Tenants.All(t => t.State is TenantRunState.Applied or TenantRunState.Skipped or TenantRunState.Pending);
}

/// <summary>One phase of a fan-out and the wall time it took (the benchmark prints them).</summary>
public sealed record FanOutPhase(string Name, TimeSpan Elapsed);

/// <summary>Times the phases of one fan-out: each <see cref="Mark"/> closes the phase that ran since the previous one.</summary>
internal sealed class PhaseClock
{
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<FanOutPhase> _phases = [];
    private TimeSpan _last;

    public IReadOnlyList<FanOutPhase> Phases => _phases;

    public void Mark(string name)
    {
        var now = _watch.Elapsed;
        _phases.Add(new FanOutPhase(name, now - _last));
        _last = now;
    }
}

/// <summary>Receives progress: called once per finished tenant (thread-safe callers only).</summary>
public interface IFanOutProgress
{
    /// <summary>Total tenants to migrate, once known.</summary>
    void Start(int pendingTenants, int skippedTenants);

    /// <summary>One tenant finished.</summary>
    void Finished(TenantRunOutcome outcome);
}
