using System.CommandLine;
using Toolkit.Cli.Synthesis;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit up</c>: synth, then <c>pulumi up</c>.</summary>
public sealed class UpCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create() => PulumiInvocation.Create("up", "up",
        "Synthesize a stack and deploy it with `pulumi up` (the Pulumi CLI must be on PATH; without it, exit 3\n" +
        "with install instructions and the path of the synthesized program).\n" +
        "Example: toolkit up --config examples/toolkit.yaml --stack staging --yes");
}
