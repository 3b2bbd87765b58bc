namespace Toolkit.Stacks.Configuration;

/// <summary>The kebab-case words a config file uses for enum values (<c>db-per-tenant</c>), for messages and the writer.</summary>
public static class Words
{
    /// <summary>The file word of <paramref name="value"/>.</summary>
    public static string Of(IsolationLevel value) => value switch
    {
        IsolationLevel.Rls => "rls", IsolationLevel.SchemaPerTenant => "schema-per-tenant", _ => "db-per-tenant",
    };

    /// <summary>The file word of <paramref name="value"/>.</summary>
    public static string Of(TenancyModel value) => value == TenancyModel.SingleTenant ? "single-tenant" : "multi-tenant";

    /// <summary>The file word of <paramref name="value"/>.</summary>
    public static string Of(DeploymentPattern value) => value switch
    {
        DeploymentPattern.SingleRegion => "single-region", DeploymentPattern.MultiRegion => "multi-region", _ => "blue-green",
    };

    /// <summary>The file word of <paramref name="value"/>.</summary>
    public static string Of(ComplianceFramework value) => value switch
    {
        ComplianceFramework.Soc2 => "soc2", ComplianceFramework.Hipaa => "hipaa", _ => "gdpr",
    };

    /// <summary>The file word of <paramref name="value"/>.</summary>
    public static string Of(TenantStatus value) => value switch
    {
        TenantStatus.Active => "active", TenantStatus.Suspended => "suspended", _ => "deleted",
    };

    /// <summary>The file word of <paramref name="value"/>.</summary>
    public static string Of(Enforcement value) => value == Enforcement.Mandatory ? "mandatory" : "advisory";
}
