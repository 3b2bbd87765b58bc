namespace Toolkit.Migrations.Planning;

/// <summary>
/// A reviewable record of one technology migration: what changes, in which files and databases,
/// how risky it is, and how to undo it. It holds diffs and content hashes, never whole file
/// contents, so secrets stay out; apply recomputes the edits and checks them against these hashes.
/// The <see cref="Id"/> is derived from the content, so the same input always gives the same plan.
/// </summary>
public sealed record MigrationPlan
{
    /// <summary>Version of the plan format (see docs/plan-schema.md).</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Content-derived id (<c>mp-</c> and 16 hex digits); names the backup ref.</summary>
    public required string Id { get; init; }

    /// <summary>The app the plan was made for.</summary>
    public required AppLocation App { get; init; }

    /// <summary>Swap ids in the order given (<c>ai:openai=anthropic</c>).</summary>
    public required IReadOnlyList<string> Swaps { get; init; }

    /// <summary>Swap options (<c>r2.accountId</c>...), sorted by key; each swap gets the keys starting with its target id and a dot.</summary>
    public required IReadOnlyDictionary<string, string> SwapOptions { get; init; }

    /// <summary>Chosen technology per affected category before the migration.</summary>
    public required IReadOnlyDictionary<string, string> SourceConfiguration { get; init; }

    /// <summary>Chosen technology per affected category after the migration.</summary>
    public required IReadOnlyDictionary<string, string> TargetConfiguration { get; init; }

    /// <summary>The kind of migration; several categories at once make it full-stack.</summary>
    public required MigrationType MigrationType { get; init; }

    /// <summary>Category ids that change, sorted.</summary>
    public required IReadOnlyList<string> AffectedCategories { get; init; }

    /// <summary>File changes, sorted by path.</summary>
    public required IReadOnlyList<FileChange> FileChanges { get; init; }

    /// <summary>Database scripts to run, in order.</summary>
    public required IReadOnlyList<DatabaseMigration> DatabaseMigrations { get; init; }

    /// <summary>The <c>toolkit.yaml</c> technology changes, when the app has that file.</summary>
    public required IReadOnlyList<ConfigChange> ConfigChanges { get; init; }

    /// <summary>1 (trivial) to 10 (hard).</summary>
    public required int Complexity { get; init; }

    /// <summary>Estimated minutes a person needs to review and finish the migration.</summary>
    public required int EstimatedDurationMinutes { get; init; }

    /// <summary>Low, medium or high.</summary>
    public required RiskLevel RiskLevel { get; init; }

    /// <summary>How to undo the migration, step by step.</summary>
    public required RollbackPlan RollbackPlan { get; init; }

    /// <summary>What the engine would not do safely, with where and why.</summary>
    public required IReadOnlyList<PlannedManualStep> ManualSteps { get; init; }
}

/// <summary>Where the app lives: its absolute root and its path inside the git repository.</summary>
/// <param name="Root">Absolute path of the app root when planned.</param>
/// <param name="PathInRepository">The app root relative to the repository top level (<c>""</c> at the top), with <c>/</c>.</param>
public sealed record AppLocation(string Root, string PathInRepository);

/// <summary>The kind of technology migration (the seed's MigrationType, plus ai).</summary>
public enum MigrationType
{
    /// <summary>AI provider.</summary>
    Ai,
    /// <summary>Authentication provider.</summary>
    Auth,
    /// <summary>Database provider.</summary>
    Database,
    /// <summary>Object storage.</summary>
    Storage,
    /// <summary>Search provider.</summary>
    Search,
    /// <summary>More than one category at once.</summary>
    FullStack,
}

/// <summary>How likely the migration is to hurt.</summary>
public enum RiskLevel
{
    /// <summary>Code-only, reversible.</summary>
    Low,
    /// <summary>Manual steps or many files.</summary>
    Medium,
    /// <summary>Data moves or irreversible scripts.</summary>
    High,
}

/// <summary>How a file changes.</summary>
public enum ChangeType
{
    /// <summary>The file is new.</summary>
    Add,
    /// <summary>The file's content changes.</summary>
    Modify,
    /// <summary>The file is removed.</summary>
    Delete,
}

/// <summary>
/// One file change. Hashes are SHA-256 (lowercase hex) of the exact bytes; a null hash means the
/// file does not exist on that side. <see cref="Diff"/> is a unified diff with secret values masked.
/// </summary>
public sealed record FileChange(
    string Path,
    ChangeType ChangeType,
    string? BeforeHash,
    string? AfterHash,
    string Diff,
    bool Conflict,
    string? ConflictReason);

/// <summary>A database script pair from a swap (secret values masked in the text).</summary>
public sealed record DatabaseMigration(
    string Id,
    string Name,
    string Up,
    string? Down,
    int EstimatedSeconds,
    bool RequiresDowntime,
    bool DataMigrationRequired);

/// <summary>One technology choice changed in the app's <c>toolkit.yaml</c>.</summary>
public sealed record ConfigChange(string File, string Category, string From, string To);

/// <summary>Something left for a person: where (file and 1-based line) and why.</summary>
public sealed record PlannedManualStep(string Swap, string Path, int Line, string Reason);

/// <summary>The seed's RollbackPlan: ordered steps, and whether data could be lost.</summary>
public sealed record RollbackPlan(
    IReadOnlyList<RollbackStep> Steps,
    int EstimatedDurationMinutes,
    bool DataLossPossible,
    bool ManualStepsRequired);

/// <summary>What a rollback step does.</summary>
public enum RollbackAction
{
    /// <summary>Restore files from the backup ref.</summary>
    RestoreFiles,
    /// <summary>Run down scripts.</summary>
    RestoreDatabase,
    /// <summary>Put the toolkit.yaml choice back.</summary>
    RevertConfig,
    /// <summary>A person must act.</summary>
    Manual,
}

/// <summary>One rollback step with the command that does it and how it is verified.</summary>
public sealed record RollbackStep(
    int Number,
    RollbackAction Action,
    string Description,
    bool Automated,
    string? Command,
    string Verification);
