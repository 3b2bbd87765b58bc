using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Controls;

/// <summary>One control of a framework (<c>HIPAA 164.312(b)</c>) and the checks whose results are its evidence.</summary>
public sealed record Control(ComplianceFramework Framework, string Id, string Title, IReadOnlyList<string> CheckIds)
{
    /// <summary>
    /// Compatibility rules (code or id) that judge the same thing at validate time: an acknowledgement of one of
    /// them also accepts this control's failure, so a rule and its control never disagree (TK2009 and GDPR Art. 44).
    /// </summary>
    public IReadOnlyList<string> RuleIds { get; init; } = [];

    /// <summary>Framework and control id, as people write it: <c>HIPAA 164.312(b)</c>.</summary>
    public string DisplayName => $"{FrameworkNames.Display(Framework)} {Id}";

    /// <summary>A stable rule id for machine formats: <c>hipaa/164.312(b)</c>.</summary>
    public string RuleId => $"{FrameworkNames.Id(Framework)}/{Id}";
}

/// <summary>Framework ids (as in toolkit.yaml) and display names.</summary>
public static class FrameworkNames
{
    /// <summary>The id used in toolkit.yaml and reports: <c>soc2</c>, <c>hipaa</c>, <c>gdpr</c>.</summary>
    public static string Id(ComplianceFramework framework) => framework switch
    {
        ComplianceFramework.Soc2 => "soc2",
        ComplianceFramework.Hipaa => "hipaa",
        ComplianceFramework.Gdpr => "gdpr",
        _ => throw new ArgumentOutOfRangeException(nameof(framework), framework, null),
    };

    /// <summary>The display name: <c>SOC 2</c>, <c>HIPAA</c>, <c>GDPR</c>.</summary>
    public static string Display(ComplianceFramework framework) => framework switch
    {
        ComplianceFramework.Soc2 => "SOC 2",
        ComplianceFramework.Hipaa => "HIPAA",
        ComplianceFramework.Gdpr => "GDPR",
        _ => throw new ArgumentOutOfRangeException(nameof(framework), framework, null),
    };

    /// <summary>Parses an id (case-insensitive; <c>soc-2</c> and <c>SOC 2</c> accepted), or null when unknown.</summary>
    public static ComplianceFramework? TryParse(string text) =>
        text.Trim().ToLowerInvariant().Replace(" ", "").Replace("-", "") switch
        {
            "soc2" => ComplianceFramework.Soc2,
            "hipaa" => ComplianceFramework.Hipaa,
            "gdpr" => ComplianceFramework.Gdpr,
            _ => null,
        };

    /// <summary>The known ids, for error messages.</summary>
    public static string Known => "soc2, hipaa, gdpr";
}
