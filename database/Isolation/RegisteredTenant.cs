using Npgsql;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>A tenant as the registry (<c>toolkit.tenants</c>) knows it.</summary>
public sealed record RegisteredTenant(string Id, string Slug, IsolationLevel Isolation, string Role, string Schema, string Database)
{
    /// <summary>
    /// Where this tenant's tables and journal live, as the admin sees them: the connection string (the admin
    /// database, or the tenant's own under db-per-tenant) and the schema.
    /// </summary>
    public (string ConnectionString, string Schema) AdminTarget(string adminConnectionString) => Isolation switch
    {
        IsolationLevel.Rls => (adminConnectionString, "app"),
        IsolationLevel.SchemaPerTenant => (adminConnectionString, Schema),
        _ => (new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = Database }.ConnectionString, "app"),
    };
}
