using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>The text form of <see cref="IsolationLevel"/> used in the registry and on the command line.</summary>
public static class IsolationLevels
{
    /// <summary><c>rls</c>, <c>schema-per-tenant</c> or <c>db-per-tenant</c>.</summary>
    public static string Name(IsolationLevel level) => level switch
    {
        IsolationLevel.Rls => "rls",
        IsolationLevel.SchemaPerTenant => "schema-per-tenant",
        _ => "db-per-tenant",
    };

    /// <summary>Parses the text form.</summary>
    public static IsolationLevel Parse(string name) => name switch
    {
        "rls" => IsolationLevel.Rls,
        "schema-per-tenant" => IsolationLevel.SchemaPerTenant,
        "db-per-tenant" => IsolationLevel.DbPerTenant,
        _ => throw new DiagnosticException(Diagnostic.Error("tenant-isolation", $"isolation '{name}' is not one of rls, schema-per-tenant, db-per-tenant.")),
    };
}
