namespace Toolkit.Tenants.Onboarding;

/// <summary>What <c>toolkit tenants onboard</c> was asked for. The tenant's id is its slug; the subdomain defaults to it.</summary>
public sealed record OnboardingRequest(string Slug, string Name, string Plan = "starter", string? Subdomain = null, string? CustomDomain = null)
{
    /// <summary>The subdomain, defaulted.</summary>
    public string EffectiveSubdomain => Subdomain ?? Slug;
}
