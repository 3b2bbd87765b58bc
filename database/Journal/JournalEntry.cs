namespace Toolkit.Database.Journal;

/// <summary>Which way a script ran.</summary>
public enum ScriptDirection
{
    /// <summary>Applied.</summary>
    Up,
    /// <summary>Reverted by its down script.</summary>
    Down,
}

/// <summary>One journal row: a script ran, one way, with this checksum, at this time, for this long.</summary>
public sealed record JournalEntry(string ScriptName, string Checksum, DateTimeOffset AppliedAt, TimeSpan Duration, ScriptDirection Direction);
