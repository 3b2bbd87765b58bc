using System.Text;

namespace Toolkit.Database.Execution;

/// <summary>What a stretch of SQL text is.</summary>
public enum SqlRegionKind
{
    /// <summary>Plain SQL (keywords, identifiers, operators, <c>;</c>).</summary>
    Code,
    /// <summary>A <c>'...'</c> string literal, quotes included.</summary>
    StringLiteral,
    /// <summary>A <c>"..."</c> quoted identifier, quotes included.</summary>
    QuotedIdentifier,
    /// <summary>A <c>-- ...</c> or <c>/* ... */</c> comment.</summary>
    Comment,
    /// <summary>A <c>$tag$ ... $tag$</c> body (function and DO bodies), tags included.</summary>
    DollarQuoted,
}

/// <summary>One stretch of SQL text of one kind; <see cref="Start"/> is an offset into the scanned text.</summary>
public sealed record SqlRegion(SqlRegionKind Kind, int Start, int Length);

/// <summary>One statement: its text (without the closing <c>;</c>), offset and 1-based line of its first character.</summary>
public sealed record SqlStatement(string Text, int Offset, int Line);

/// <summary>
/// A small lexer for PostgreSQL and SQLite scripts: enough to find statement ends, blank out comments and
/// strings for the linter, and substitute <c>$name$</c> variables only where they are code. Variable
/// tokens named in <c>variableNames</c> are never mistaken for dollar-quote tags.
/// </summary>
public static class SqlScanner
{
    /// <summary>Splits <paramref name="sql"/> into regions.</summary>
    public static IReadOnlyList<SqlRegion> Scan(string sql, IReadOnlySet<string>? variableNames = null)
    {
        var regions = new List<SqlRegion>();
        var codeStart = 0;
        var i = 0;
        void Flush(int end) { if (end > codeStart) regions.Add(new SqlRegion(SqlRegionKind.Code, codeStart, end - codeStart)); }
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            int end;
            SqlRegionKind kind;
            if (c == '-' && next == '-') { end = sql.IndexOf('\n', i); end = end < 0 ? sql.Length : end; kind = SqlRegionKind.Comment; }
            else if (c == '/' && next == '*') { end = BlockCommentEnd(sql, i); kind = SqlRegionKind.Comment; }
            else if (c == '\'') { end = QuotedEnd(sql, i, '\''); kind = SqlRegionKind.StringLiteral; }
            else if (c == '"') { end = QuotedEnd(sql, i, '"'); kind = SqlRegionKind.QuotedIdentifier; }
            else if (c == '$' && DollarTag(sql, i) is { } tag && !(variableNames?.Contains(tag[1..^1]) ?? false))
            {
                var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                end = close < 0 ? sql.Length : close + tag.Length;
                kind = SqlRegionKind.DollarQuoted;
            }
            else if (c == '$' && DollarTag(sql, i) is { } variable) { i += variable.Length; continue; }
            else { i++; continue; }
            Flush(i);
            regions.Add(new SqlRegion(kind, i, end - i));
            i = end;
            codeStart = end;
        }
        Flush(sql.Length);
        return regions;
    }

    /// <summary>Splits <paramref name="sql"/> into statements at <c>;</c> outside strings, comments and bodies; empty statements are dropped.</summary>
    public static IReadOnlyList<SqlStatement> Split(string sql, IReadOnlySet<string>? variableNames = null)
    {
        var statements = new List<SqlStatement>();
        var start = 0;
        foreach (var region in Scan(sql, variableNames).Where(r => r.Kind == SqlRegionKind.Code))
            for (var i = region.Start; i < region.Start + region.Length; i++)
                if (sql[i] == ';') { Add(start, i); start = i + 1; }
        Add(start, sql.Length);
        return statements;

        void Add(int from, int to)
        {
            var text = sql[from..to];
            var masked = Mask(text, variableNames);
            if (string.IsNullOrWhiteSpace(masked)) return;
            var lead = text.Length - text.TrimStart().Length;
            statements.Add(new SqlStatement(text.Trim(), from + lead, LineOf(sql, from + lead)));
        }
    }

    /// <summary>The text with comments removed and string and body contents blanked (newlines kept), so offsets and lines still match.</summary>
    public static string Mask(string sql, IReadOnlySet<string>? variableNames = null)
    {
        var chars = sql.ToCharArray();
        foreach (var region in Scan(sql, variableNames).Where(r => r.Kind is SqlRegionKind.Comment or SqlRegionKind.StringLiteral or SqlRegionKind.DollarQuoted))
        {
            var keepEnds = region.Kind != SqlRegionKind.Comment;
            for (var i = region.Start; i < region.Start + region.Length; i++)
            {
                var edge = keepEnds && (i == region.Start || i == region.Start + region.Length - 1);
                if (!edge && chars[i] != '\n') chars[i] = ' ';
            }
        }
        return new string(chars);
    }

    /// <summary>1-based line number of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++) if (text[i] == '\n') line++;
        return line;
    }

    /// <summary>Text with <c>$name$</c> tokens replaced where they are code or inside bodies (never inside strings or comments).</summary>
    internal static string Replace(string sql, IReadOnlySet<string> variableNames, Func<string, string> valueOf)
    {
        var builder = new StringBuilder(sql.Length);
        foreach (var region in Scan(sql, variableNames))
        {
            var text = sql.Substring(region.Start, region.Length);
            builder.Append(region.Kind is SqlRegionKind.Code or SqlRegionKind.DollarQuoted ? ReplaceTokens(text, variableNames, valueOf) : text);
        }
        return builder.ToString();
    }

    private static string ReplaceTokens(string text, IReadOnlySet<string> names, Func<string, string> valueOf)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && DollarTag(text, i) is { Length: > 2 } tag && names.Contains(tag[1..^1]))
            {
                builder.Append(valueOf(tag[1..^1]));
                i += tag.Length;
                continue;
            }
            builder.Append(text[i++]);
        }
        return builder.ToString();
    }

    /// <summary>The <c>$tag$</c> starting at <paramref name="i"/> (tag may be empty), or null.</summary>
    private static string? DollarTag(string sql, int i)
    {
        // A $ right after an identifier character is part of that identifier (or a $1 parameter), not a tag.
        if (i > 0 && (char.IsLetterOrDigit(sql[i - 1]) || sql[i - 1] == '_')) return null;
        var j = i + 1;
        if (j < sql.Length && char.IsDigit(sql[j])) return null;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_')) j++;
        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }

    private static int QuotedEnd(string sql, int i, char quote)
    {
        var j = i + 1;
        while (j < sql.Length)
        {
            if (sql[j] == quote)
            {
                if (j + 1 < sql.Length && sql[j + 1] == quote) { j += 2; continue; }
                return j + 1;
            }
            j++;
        }
        return sql.Length;
    }

    private static int BlockCommentEnd(string sql, int i)
    {
        var depth = 0;
        var j = i;
        while (j < sql.Length - 1)
        {
            if (sql[j] == '/' && sql[j + 1] == '*') { depth++; j += 2; continue; }
            if (sql[j] == '*' && sql[j + 1] == '/') { depth--; j += 2; if (depth == 0) return j; continue; }
            j++;
        }
        return sql.Length;
    }
}
