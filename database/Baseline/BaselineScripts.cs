using Toolkit.Database.Scripts;

namespace Toolkit.Database.Baseline;

/// <summary>
/// The shipped baseline SaaS schema (organizations, users, members, teams, roles and role assignments,
/// invitations, plans, subscriptions, invoices and line items, usage records, audit log), embedded in
/// this assembly in a PostgreSQL and an SQLite dialect with the same script names.
/// </summary>
public static class BaselineScripts
{
    /// <summary>Resource name prefix for <paramref name="engine"/> (<c>postgresql</c> or <c>sqlite</c>).</summary>
    public static string ResourcePrefix(string engine) => $"Toolkit.Database.Baseline.{engine}/";

    /// <summary>The baseline for <paramref name="engine"/>.</summary>
    public static IScriptProvider For(string engine) =>
        new EmbeddedScriptProvider(typeof(BaselineScripts).Assembly, ResourcePrefix(engine == "sqlite" ? "sqlite" : "postgresql"));
}
