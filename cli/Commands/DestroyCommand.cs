using System.CommandLine;
using Toolkit.Cli.Synthesis;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit destroy</c>: synth, then <c>pulumi destroy</c>.</summary>
public sealed class DestroyCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create() => PulumiInvocation.Create("destroy", "destroy",
        "Synthesize a stack and tear it down with `pulumi destroy` (protected resources such as databases stay\n" +
        "until their protection is lifted; the Pulumi CLI must be on PATH, else exit 3).\n" +
        "Example: toolkit destroy --config examples/toolkit.yaml --stack dev");
}
