using Toolkit.Migrations.Planning;

namespace Toolkit.Migrations.Applying;

/// <summary>How to apply a plan.</summary>
/// <param name="AllowDirty">Apply even when the app has uncommitted changes (they are in the backup either way).</param>
/// <param name="Validate">Build (and test) the app afterwards, rolling back on failure.</param>
/// <param name="AppRoot">Apply to this app root instead of the one recorded in the plan (a moved clone).</param>
/// <param name="Scripts">Runs the plan's database scripts; required when the plan has any.</param>
/// <param name="Log">Receives one line per step.</param>
/// <param name="DataCopySource">For a database swap: connection string of the database to copy from (the old provider).</param>
/// <param name="DataCopyTarget">For a database swap: connection string of the empty database to copy into (the new provider).</param>
public sealed record ApplyOptions(
    bool AllowDirty = false,
    bool Validate = true,
    string? AppRoot = null,
    IMigrationScriptRunner? Scripts = null,
    Action<string>? Log = null,
    string? DataCopySource = null,
    string? DataCopyTarget = null)
{
    /// <summary>The app root to use for <paramref name="plan"/>.</summary>
    public string RootFor(MigrationPlan plan) => Path.GetFullPath(AppRoot ?? plan.App.Root);
}

/// <summary>
/// Runs a plan's database scripts and undoes them: the seam to the database script runner
/// (database/, Toolkit.Database), which journals what ran.
/// </summary>
public interface IMigrationScriptRunner
{
    /// <summary>Checks, changing nothing, that the scripts can run: the database answers, none is refused (lint, changed text).</summary>
    /// <exception cref="Core.Diagnostics.DiagnosticException">They cannot; the message says why.</exception>
    Task CheckAsync(IReadOnlyList<PreparedScript> scripts, CancellationToken cancellationToken);

    /// <summary>Runs the up script and journals it.</summary>
    Task UpAsync(PreparedScript script, CancellationToken cancellationToken);

    /// <summary>Runs the down script and removes it from the journal.</summary>
    Task DownAsync(PreparedScript script, CancellationToken cancellationToken);

    /// <summary>True when the journal lists the script as applied.</summary>
    Task<bool> IsAppliedAsync(string scriptId, CancellationToken cancellationToken);
}

/// <summary>How an apply ended.</summary>
/// <param name="Applied">True when the plan is applied and validated.</param>
/// <param name="BackupRef">The ref holding the backup.</param>
/// <param name="Validation">The validation result, when validation ran.</param>
/// <param name="Rollback">The automatic rollback, when validation failed.</param>
public sealed record ApplyOutcome(bool Applied, string BackupRef, ValidationResult? Validation, RollingBack.RollbackOutcome? Rollback);
