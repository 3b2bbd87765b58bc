using System.Text.RegularExpressions;

namespace Toolkit.Database.Execution;

/// <summary>
/// Decides whether a script must run outside a transaction: it says so with a <c>-- toolkit:no-transaction</c>
/// line, or it holds a statement PostgreSQL refuses inside one (<c>CREATE/DROP INDEX CONCURRENTLY</c>,
/// <c>REINDEX ... CONCURRENTLY</c>, <c>CREATE/DROP DATABASE</c>, <c>VACUUM</c>, <c>ALTER SYSTEM</c>).
/// Such scripts run statement by statement; their journal row is written after the last statement.
/// </summary>
public static partial class TransactionRequirement
{
    /// <summary>The marker line.</summary>
    public const string Marker = "-- toolkit:no-transaction";

    /// <summary>True when <paramref name="sql"/> must run outside a transaction.</summary>
    public static bool NeedsNoTransaction(string sql, IReadOnlySet<string>? variableNames = null)
    {
        if (sql.Split('\n').Any(l => l.Trim().Equals(Marker, StringComparison.OrdinalIgnoreCase))) return true;
        return SqlScanner.Split(sql, variableNames).Any(s => NonTransactional().IsMatch(SqlScanner.Mask(s.Text, variableNames)));
    }

    [GeneratedRegex(@"^\s*(?:(?:CREATE\s+(?:UNIQUE\s+)?|DROP\s+)INDEX\s+CONCURRENTLY\b|REINDEX\b.*\bCONCURRENTLY\b|(?:CREATE|DROP)\s+DATABASE\b|VACUUM\b|ALTER\s+SYSTEM\b)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex NonTransactional();
}
