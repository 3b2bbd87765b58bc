namespace Toolkit.Database.Journal;

/// <summary>
/// Where the journal lives: schema (ignored on SQLite) and table name. With <see cref="Target"/> the table is shared
/// by many targets (the fan-out's one journal for every tenant, <c>toolkit.script_journal</c>): it has a
/// <c>target</c> column and this journal's rows are those of <see cref="Target"/>.
/// </summary>
public sealed record JournalTable(string? Schema = null, string Table = JournalTable.DefaultTable, string? Target = null)
{
    /// <summary>Default table name.</summary>
    public const string DefaultTable = "toolkit_journal";

    /// <summary>The fan-out's shared journal: one table in schema <c>toolkit</c> for every tenant.</summary>
    public static JournalTable Shared(string target) => new("toolkit", "script_journal", target);
}
