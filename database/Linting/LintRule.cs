using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Linting;

/// <summary>A lint rule: stable id, whether it blocks <c>migrate</c>, and what to do instead.</summary>
public sealed record LintRule(string Id, bool Blocking, string Message, string Advice)
{
    /// <summary>The diagnostic for a finding at <paramref name="location"/>.</summary>
    public Diagnostic At(SourceLocation location, string subject) =>
        new(Blocking ? Severity.Error : Severity.Warning, Id, $"{Message} ({subject}): {Advice}", location);
}

/// <summary>The rules, one place, so docs and tests can list them.</summary>
public static class LintRules
{
    /// <summary><c>DROP TABLE</c> loses data.</summary>
    public static readonly LintRule DropTable = new("drop-table", true, "drops a table",
        "dropping loses its data; stop using it first and drop it in a later, reviewed release (--allow-destructive)");

    /// <summary><c>ALTER TABLE ... DROP COLUMN</c> loses data and breaks running code.</summary>
    public static readonly LintRule DropColumn = new("drop-column", true, "drops a column",
        "stop reading and writing it first, then drop it in a later release (--allow-destructive)");

    /// <summary><c>RENAME COLUMN</c> breaks running code.</summary>
    public static readonly LintRule RenameColumn = new("rename-column", true, "renames a column",
        "add the new column, write both, backfill, switch reads, then drop the old one");

    /// <summary>Adding a NOT NULL column without a default to an existing table fails on existing rows or rewrites it.</summary>
    public static readonly LintRule NotNullWithoutDefault = new("not-null-without-default", true, "adds a NOT NULL column without a default to an existing table",
        "add it nullable, backfill it, then SET NOT NULL (or give it a DEFAULT)");

    /// <summary><c>ALTER COLUMN ... TYPE</c> rewrites the table under an exclusive lock.</summary>
    public static readonly LintRule TypeChange = new("type-change", true, "changes a column's type",
        "add a column of the new type, backfill, switch over, then drop the old one");

    /// <summary><c>CREATE INDEX</c> without CONCURRENTLY blocks writes on an existing table while it builds.</summary>
    public static readonly LintRule IndexWithoutConcurrently = new("index-without-concurrently", false, "builds an index on an existing table without CONCURRENTLY",
        "use CREATE INDEX CONCURRENTLY (the script then runs outside a transaction)");

    /// <summary><c>DROP CONSTRAINT</c> removes a guarantee the data relied on.</summary>
    public static readonly LintRule DropConstraint = new("drop-constraint", true, "drops a constraint",
        "make sure nothing relies on it; re-adding it later needs the data to still satisfy it (--allow-destructive)");

    /// <summary><c>ALTER TABLE ... RENAME TO</c> breaks every running query that names the table.</summary>
    public static readonly LintRule RenameTable = new("rename-table", true, "renames a table",
        "create the new table (or a view under the old name), switch the code over, then drop the old name in a later release");

    /// <summary>Adding a <c>GENERATED ... STORED</c> column to an existing table rewrites it under an exclusive lock.</summary>
    public static readonly LintRule GeneratedStoredColumn = new("generated-stored-column", true, "adds a GENERATED ... STORED column to an existing table (a full table rewrite under an exclusive lock)",
        "add a plain column, backfill it in batches and keep it current with a trigger, or accept the rewrite in a maintenance window (--allow-destructive)");

    /// <summary>DDL inside <c>EXECUTE '...'</c> (a DO block or function) is hidden from every other rule.</summary>
    public static readonly LintRule DynamicDdl = new("dynamic-ddl", false, "runs DDL through EXECUTE, which the other rules cannot check",
        "write the statement as plain SQL in the script where you can, or review it by hand");

    /// <summary>Every rule.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
        [DropTable, DropColumn, RenameColumn, RenameTable, NotNullWithoutDefault, GeneratedStoredColumn, TypeChange, IndexWithoutConcurrently, DropConstraint, DynamicDdl];
}
