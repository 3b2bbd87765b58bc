using Toolkit.Compliance.Resources;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Checks;

/// <summary>What a check runs against: the config (for required values), the stack, and the synthesized program.</summary>
public sealed record CheckContext(ToolkitConfig Config, string Stack, ProgramView Program)
{
    /// <summary>The compliance settings.</summary>
    public ComplianceConfig Compliance => Config.Compliance;

    /// <summary>Whether <paramref name="framework"/> is in force.</summary>
    public bool Requires(ComplianceFramework framework) => Config.Compliance.Frameworks.Contains(framework);
}
