namespace Toolkit.Database.Engines.Postgres;

/// <summary>PostgreSQL quoting: identifiers in double quotes, literals in single quotes, embedded quotes doubled.</summary>
public static class PostgresQuoting
{
    /// <summary><c>"a""b"</c>.</summary>
    public static string Identifier(string identifier)
    {
        if (identifier.Contains('\0')) throw new ArgumentException("identifier contains NUL", nameof(identifier));
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary><c>'it''s'</c> (standard_conforming_strings is on by default since 9.1, so backslashes are plain).</summary>
    public static string Literal(string value)
    {
        if (value.Contains('\0')) throw new ArgumentException("literal contains NUL", nameof(value));
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
