using System.Data.Common;

namespace Toolkit.Database.Journal;

/// <summary>The record of what ran. Append-only: an up row when a script is applied, a down row when it is reverted.</summary>
public interface IJournal
{
    /// <summary>Creates the journal table when missing.</summary>
    Task EnsureAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Every row, oldest first; empty when the table does not exist yet (reading never creates it).</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Appends a row in <paramref name="transaction"/> (or on its own when null).</summary>
    Task RecordAsync(DbConnection connection, DbTransaction? transaction, JournalEntry entry, CancellationToken cancellationToken);
}
