using System.Data.Common;

namespace Toolkit.Database.Journal;

/// <summary>The record of what ran. Append-only: an up row when a script is applied, a down row when it is reverted.</summary>
public interface IJournal
{
    /// <summary>Creates the journal table when missing.</summary>
    Task EnsureAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Every row, oldest first; empty when the table does not exist yet (reading never creates it).</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(DbConnection connection, CancellationToken cancellationToken);
}
