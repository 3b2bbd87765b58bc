using System.Text.RegularExpressions;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Execution;
using Toolkit.Database.Scripts;

namespace Toolkit.Database.Linting;

/// <summary>
/// Flags destructive or locking changes in up scripts, each at its file and line with a rule id.
/// Works on the text with comments and strings blanked, statement by statement, in order, following the tables: a
/// table is new from its <c>CREATE TABLE</c> on (so NOT NULL columns and plain indexes on it are fine), keeps being new
/// under the name <c>ALTER TABLE ... RENAME TO</c> gives it, and a table that existed stays existing under its new name
/// (a rename or <c>SET SCHEMA</c> of it is a finding, and so is a later rewrite or drop of it). Dropping a table the same
/// script creates again afterwards (<c>DROP TABLE IF EXISTS t; CREATE TABLE t</c>) is no finding, as before.
/// </summary>
public static partial class ScriptLinter
{
    // Findings depend only on the text, its file, the variable names and the tables new before it: a fan-out over
    // 10,000 tenants lints each script once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (IReadOnlyList<Diagnostic> Findings, IReadOnlyList<string> NewAfter)> Memo = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> NoTransactionMemo = new(StringComparer.Ordinal);

    /// <summary>
    /// Findings for the up script of every script given, in order (the scripts of one run). A table an earlier script
    /// of the run creates is new to the later ones, as to its own script (under the name a rename gives it): a fresh
    /// database migrated from the first script is not refused for dropping or reshaping what the same run just created.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Lint(IEnumerable<DatabaseScript> scripts, IReadOnlySet<string>? variableNames = null)
    {
        var findings = new List<Diagnostic>();
        IReadOnlyList<string> newTables = [];
        foreach (var s in scripts)
        {
            var key = $"{s.DisplayPath}\0{s.Checksum}\0{Names(variableNames)}\0{string.Join(',', newTables)}";
            var before = newTables;
            var (found, after) = Memo.GetOrAdd(key, _ => Walk(s.Up, s.DisplayPath, variableNames, before));
            findings.AddRange(found);
            newTables = after;
        }
        return findings;
    }

    /// <summary><see cref="TransactionRequirement.NeedsNoTransaction"/>, computed once per text.</summary>
    public static bool NeedsNoTransaction(string sql, IReadOnlySet<string>? variableNames) =>
        NoTransactionMemo.GetOrAdd($"{DatabaseScript.ComputeChecksum(sql)}\0{Names(variableNames)}", _ => TransactionRequirement.NeedsNoTransaction(sql, variableNames));

    private static string Names(IReadOnlySet<string>? names) => names is null ? "" : string.Join(',', names.Order(StringComparer.Ordinal));

    /// <summary>Findings for one script's text (every table it does not create counts as existing); <paramref name="file"/> names it in locations.</summary>
    public static IReadOnlyList<Diagnostic> Lint(string sql, string file, IReadOnlySet<string>? variableNames = null) => Walk(sql, file, variableNames, []).Findings;

    // One pass over the statements. `newBefore`: tables new when the script starts (bare, lower-case names); returns the
    // findings and the tables new when it ends.
    private static (IReadOnlyList<Diagnostic> Findings, IReadOnlyList<string> NewAfter) Walk(string sql, string file, IReadOnlySet<string>? variableNames, IReadOnlyList<string> newBefore)
    {
        var masked = SqlScanner.Mask(sql, variableNames);
        var statements = SqlScanner.Split(sql, variableNames);
        var created = new SortedSet<string>(newBefore, StringComparer.Ordinal);
        var findings = new List<Diagnostic>();
        var texts = statements.Select(st => masked.Substring(st.Offset, st.Text.Length)).ToList();
        // Where each table is created, so `DROP TABLE IF EXISTS t; CREATE TABLE t (...)` (a script that remakes its table) is no finding.
        var createdAt = texts.Select((t, i) => (Match: CreateTable().Match(t), Index: i)).Where(c => c.Match.Success).Select(c => (Table: Bare(c.Match.Groups["t"].Value), c.Index)).ToList();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var text = texts[i];
            void Add(LintRule rule, int index, string subject) =>
                findings.Add(rule.At(new SourceLocation(file, SqlScanner.LineOf(sql, statement.Offset + index), Column(sql, statement.Offset + index)), subject));

            if (CreateTable().Match(text) is { Success: true } create) { created.Add(Bare(create.Groups["t"].Value)); continue; }
            if (DropTable().Match(text) is { Success: true } drop)
            {
                var dropped = drop.Groups["t"].Value.Split(',').Select(Bare).ToList();
                var at = i;
                if (!dropped.All(t => created.Contains(t) || createdAt.Any(c => c.Table == t && c.Index > at))) Add(LintRules.DropTable, drop.Index, drop.Groups["t"].Value.Trim());
                created.ExceptWith(dropped);
                continue;
            }
            // Bodies are blanked in `text`; EXECUTE of DDL is found in the statement as written.
            foreach (Match m in DynamicDdl().Matches(statement.Text)) Add(LintRules.DynamicDdl, m.Index, m.Groups["k"].Value.ToUpperInvariant());
            if (CreateIndex().Match(text) is { Success: true } index && !index.Groups["c"].Success && !created.Contains(Bare(index.Groups["t"].Value)))
                Add(LintRules.IndexWithoutConcurrently, index.Index, Bare(index.Groups["t"].Value));
            if (AlterTable().Match(text) is not { Success: true } alter) continue;
            var table = Bare(alter.Groups["t"].Value);
            var isNew = created.Contains(table);
            // The table is known by its new name from here on, new or existing as it was.
            if (RenameTable().Match(text) is { Success: true } renamed)
            {
                var to = Bare(renamed.Groups["n"].Value);
                if (!isNew) Add(LintRules.RenameTable, renamed.Index, $"{table} to {to}");
                created.Remove(table);
                if (isNew) created.Add(to); else created.Remove(to);
                continue;
            }
            if (SetSchema().Match(text) is { Success: true } moved)
            {
                if (!isNew) Add(LintRules.RenameTable, moved.Index, $"{table} to {Bare(moved.Groups["s"].Value)}.{table}");
                continue;
            }
            // A table this run creates holds no one's data yet: reshaping it loses nothing and locks no one.
            if (isNew) continue;
            foreach (Match m in DropAction().Matches(text))
            {
                var what = m.Groups["w"].Value.ToUpperInvariant();
                if (what is "NOT" or "DEFAULT" or "IDENTITY" or "EXPRESSION") continue;
                if (what == "CONSTRAINT") Add(LintRules.DropConstraint, m.Index, $"{table}.{m.Groups["n"].Value}");
                else Add(LintRules.DropColumn, m.Index, $"{table}.{(what == "COLUMN" ? m.Groups["n"].Value : m.Groups["w"].Value)}");
            }
            foreach (Match m in RenameColumn().Matches(text)) Add(LintRules.RenameColumn, m.Index, $"{table}.{m.Groups["n"].Value}");
            foreach (Match m in TypeChange().Matches(text)) Add(LintRules.TypeChange, m.Index, $"{table}.{m.Groups["n"].Value}");
            foreach (Match m in AddColumn().Matches(text))
            {
                var clause = m.Groups["rest"].Value;
                if (NotNull().IsMatch(clause) && !Default().IsMatch(clause) && !Generated().IsMatch(clause))
                    Add(LintRules.NotNullWithoutDefault, m.Index, $"{table}.{m.Groups["n"].Value}");
                if (GeneratedStored().IsMatch(clause)) Add(LintRules.GeneratedStoredColumn, m.Index, $"{table}.{m.Groups["n"].Value}");
            }
        }
        return (findings, created.ToList());
    }

    private static int Column(string text, int offset) => offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1) + 1;

    private static string Bare(string name)
    {
        var last = name.Trim().Split('.').Last();
        return last.Trim('"').ToLowerInvariant();
    }

    private const string Name = @"(?:""[^""]*""|[\w$]+)(?:\s*\.\s*(?:""[^""]*""|[\w$]+))?";

    [GeneratedRegex(@"^\s*CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<t>" + Name + ")", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?<t>[^;]*?)(?:\s+(?:CASCADE|RESTRICT))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DropTable();

    [GeneratedRegex(@"^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?<c>CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:" + Name + @"\s+)?ON\s+(?:ONLY\s+)?(?<t>" + Name + ")", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?<t>" + Name + ")", RegexOptions.IgnoreCase)]
    private static partial Regex AlterTable();

    [GeneratedRegex(@"\bDROP\s+(?<w>[\w""]+)(?:\s+(?:IF\s+EXISTS\s+)?(?<n>[\w""]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex DropAction();

    [GeneratedRegex(@"\bRENAME\s+(?:COLUMN\s+)?(?!TO\b|CONSTRAINT\b)(?<n>[\w""]+)\s+TO\b", RegexOptions.IgnoreCase)]
    private static partial Regex RenameColumn();

    [GeneratedRegex(@"\bALTER\s+(?:COLUMN\s+)?(?<n>[\w""]+)\s+(?:SET\s+DATA\s+)?TYPE\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypeChange();

    [GeneratedRegex(@"\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?!CONSTRAINT\b|PRIMARY\b|UNIQUE\b|CHECK\b|FOREIGN\b|EXCLUDE\b)(?<n>[\w""]+)(?<rest>(?:[^,(]|\([^)]*\))*)", RegexOptions.IgnoreCase)]
    private static partial Regex AddColumn();

    [GeneratedRegex(@"\bRENAME\s+TO\s+(?<n>[\w""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RenameTable();

    [GeneratedRegex(@"\bSET\s+SCHEMA\s+(?<s>[\w""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SetSchema();

    [GeneratedRegex(@"\bGENERATED\s+ALWAYS\s+AS\s*\(.*\)\s*STORED\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex GeneratedStored();

    [GeneratedRegex(@"\bEXECUTE\s+(?:format\s*\(\s*)?(?:E?'|\$[A-Za-z_]*\$)\s*(?<k>CREATE|ALTER|DROP|TRUNCATE|RENAME)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DynamicDdl();

    [GeneratedRegex(@"\bNOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotNull();

    [GeneratedRegex(@"\bDEFAULT\b", RegexOptions.IgnoreCase)]
    private static partial Regex Default();

    [GeneratedRegex(@"\bGENERATED\b", RegexOptions.IgnoreCase)]
    private static partial Regex Generated();
}
