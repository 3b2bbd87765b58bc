using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Reports;

// The --json documents of the db verbs, written with CanonicalJson: every one starts with `ok` and ends with
// `diagnostics` in the shared DiagnosticJson shape, like every other verb's document; every key is always present.

/// <summary><c>db plan --json</c>, <c>db migrate --dry-run --json</c>, <c>db rollback --dry-run --json</c>.</summary>
public sealed record ScriptPlanJson(bool Ok, string Direction, bool OneWay, IReadOnlyList<PlanStepJson> Steps, IReadOnlyList<string> KeptRepeatable,
    string? Refused, string? RefusedScript, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>One step of <see cref="ScriptPlanJson"/>.</summary>
public sealed record PlanStepJson(string Name, string Version, string Checksum, bool OneWay, bool OutsideTransaction);

/// <summary><c>db migrate --json</c> and <c>db rollback --json</c>: what ran, and on failure why.</summary>
public sealed record ScriptRunJson(bool Ok, IReadOnlyList<ExecutedScriptJson> Executed, IReadOnlyList<string> KeptRepeatable,
    ScriptFailure? Failure, string? Error, string? FailingScript, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>One script of <see cref="ScriptRunJson"/>.</summary>
public sealed record ExecutedScriptJson(string Name, string Direction, string Checksum, bool OneWay);

/// <summary><c>db status --json</c>.</summary>
public sealed record JournalStatusJson(bool Ok, IReadOnlyList<AppliedScriptJson> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Changed,
    IReadOnlyList<string> Missing, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>One applied script of <see cref="JournalStatusJson"/>.</summary>
public sealed record AppliedScriptJson(string Name, string Checksum, string AppliedAt);

/// <summary><c>db adopt --json</c>.</summary>
public sealed record AdoptionJson(bool Ok, bool DryRun, string? From, string? Journal, IReadOnlyList<AdoptedScriptJson> Scripts, IReadOnlyList<string> Pending,
    string? Error, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>One journal row of <see cref="AdoptionJson"/>.</summary>
public sealed record AdoptedScriptJson(string JournalName, string? Script, AdoptedState State);

/// <summary><c>db lint --json</c>.</summary>
public sealed record LintJson(bool Ok, IReadOnlyList<string> Scripts, int Errors, int Warnings, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary><c>db migrate --tenants --json</c>.</summary>
public sealed record FanOutJson(bool Ok, string? Refused, string? Backup, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<TenantOutcomeJson> Tenants,
    IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>One tenant of <see cref="FanOutJson"/>.</summary>
public sealed record TenantOutcomeJson(string Tenant, string State, IReadOnlyList<string> Applied, string? Error, string? FailingScript);
