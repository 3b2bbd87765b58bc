using Toolkit.Compliance.Resources;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// What a check runs against: the config (for required values), the stack, and the synthesized program;
/// <see cref="Framework"/> is the framework being evaluated (null: the strictest of those in force), so
/// floors such as HIPAA's six-year log retention apply to HIPAA's controls only.
/// </summary>
public sealed record CheckContext(ToolkitConfig Config, string Stack, ProgramView Program)
{
    /// <summary>The framework whose controls are being evaluated, or null for all in force.</summary>
    public ComplianceFramework? Framework { get; init; }

    /// <summary>The frameworks whose requirements apply: <see cref="Framework"/>, or every framework in force.</summary>
    public IReadOnlyList<ComplianceFramework> Applying => Framework is { } f ? [f] : Config.Compliance.Frameworks;

    /// <summary>The compliance settings.</summary>
    public ComplianceConfig Compliance => Config.Compliance;

    /// <summary>Whether <paramref name="framework"/> is in force.</summary>
    public bool Requires(ComplianceFramework framework) => Config.Compliance.Frameworks.Contains(framework);
}
