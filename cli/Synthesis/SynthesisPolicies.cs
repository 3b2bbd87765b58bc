using Toolkit.Stacks.Synthesis;

namespace Toolkit.Cli.Synthesis;

/// <summary>
/// The policies every CLI synth runs (compliance controls...), in order. Adding a policy is one line here.
/// </summary>
public static class SynthesisPolicies
{
    /// <summary>The policies.</summary>
    public static IReadOnlyList<IProgramPolicy> All { get; } =
    [
        new Toolkit.Compliance.Evaluation.CompliancePolicy(),
    ];
}
