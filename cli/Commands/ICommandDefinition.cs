using System.CommandLine;

namespace Toolkit.Cli.Commands;

/// <summary>
/// One top-level <c>toolkit</c> verb. Every non-abstract implementation in this assembly is found and
/// registered by <see cref="Program"/>, so adding a verb is adding one file.
/// </summary>
public interface ICommandDefinition
{
    /// <summary>Builds the command with its options, subcommands and action.</summary>
    Command Create();
}
