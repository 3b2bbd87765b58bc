namespace Toolkit.Database.Journal;

/// <summary>Where the journal lives: schema (ignored on SQLite) and table name.</summary>
public sealed record JournalTable(string? Schema = null, string Table = JournalTable.DefaultTable)
{
    /// <summary>Default table name.</summary>
    public const string DefaultTable = "toolkit_journal";
}
