namespace Toolkit.Tenants.Platform;

/// <summary>
/// Where the lifecycle keeps its files, next to the config: <c>.toolkit/tenants/onboarding/SLUG.json</c>
/// (workflow state), <c>.toolkit/tenants/backups/</c> and <c>.toolkit/tenants/erasure/</c> (GDPR records).
/// </summary>
public sealed record TenantPaths(string Root)
{
    /// <summary>The paths for the config at <paramref name="configPath"/>.</summary>
    public static TenantPaths For(string configPath) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, ".toolkit", "tenants"));

    /// <summary>The onboarding state of <paramref name="slug"/>.</summary>
    public string OnboardingState(string slug) => Path.Combine(Root, "onboarding", slug + ".json");

    /// <summary>The default directory for backups.</summary>
    public string Backups => Path.Combine(Root, "backups");

    /// <summary>The directory of erasure records.</summary>
    public string Erasure => Path.Combine(Root, "erasure");
}
