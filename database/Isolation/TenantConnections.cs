using Npgsql;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>The connection string a tenant's application uses: its own role and database, and under rls the tenant setting in <c>Options</c>.</summary>
public static class TenantConnections
{
    /// <summary>
    /// Npgsql connection string for <paramref name="tenant"/>, built on the admin's host and port. The
    /// password is included only when <paramref name="includePassword"/> is true.
    /// </summary>
    public static async Task<string> ForAsync(TenantRegistry registry, RegisteredTenant tenant, bool includePassword, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(registry.AdminConnectionString);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = admin.Host,
            Port = admin.Port,
            Database = tenant.Isolation == IsolationLevel.DbPerTenant ? tenant.Database : admin.Database,
            Username = tenant.Role,
        };
        if (includePassword) builder.Password = await registry.PasswordAsync(tenant.Role, cancellationToken);
        switch (tenant.Isolation)
        {
            case IsolationLevel.Rls: builder.Options = $"-c app.tenant_id={tenant.Id}"; builder.SearchPath = "app"; break;
            case IsolationLevel.SchemaPerTenant: builder.SearchPath = tenant.Schema; break;
            default: builder.SearchPath = "app"; break;
        }
        return builder.ConnectionString;
    }
}
