using System.Text.RegularExpressions;

namespace Toolkit.Database.Execution;

/// <summary>
/// Decides whether a script must run outside a transaction: it says so with a <c>-- toolkit:no-transaction</c>
/// line, or it holds a statement PostgreSQL refuses inside one (<c>CREATE/DROP INDEX CONCURRENTLY</c>,
/// <c>REINDEX ... CONCURRENTLY</c>, <c>CREATE/DROP DATABASE</c>, <c>VACUUM</c>, <c>ALTER SYSTEM</c>), or a top-level
/// <c>COMMIT</c>/<c>END</c>/<c>ROLLBACK</c> of its own (Flyway projects write <c>ALTER TYPE ... ADD VALUE; COMMIT;</c> so a
/// later statement can use the value; inside our transaction it would end it under DbUp). Such scripts run statement by statement; their journal row is written after the last statement.
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

    [GeneratedRegex(@"^\s*(?:(?:CREATE\s+(?:UNIQUE\s+)?|DROP\s+)INDEX\s+CONCURRENTLY\b|REINDEX\b.*\bCONCURRENTLY\b|(?:CREATE|DROP)\s+DATABASE\b|VACUUM\b|ALTER\s+SYSTEM\b|(?:COMMIT|END|ROLLBACK|ABORT)(?:\s+(?:WORK|TRANSACTION))?(?:\s+AND\s+(?:NO\s+)?CHAIN)?\s*;?\s*$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex NonTransactional();
}
