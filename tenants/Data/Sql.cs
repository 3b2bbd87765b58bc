using Toolkit.Database.Engines.Postgres;

namespace Toolkit.Tenants.Data;

/// <summary>PostgreSQL quoting for the SQL the lifecycle builds (names are validated before they get here; quoting is the second guard).</summary>
internal static class Sql
{
    public static string Id(string identifier) => PostgresQuoting.Identifier(identifier);

    public static string Literal(string value) => PostgresQuoting.Literal(value);
}
