using System.CommandLine;
using Toolkit.Stacks.Schemas;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit schemas</c>: the provider schemas synth validates against (embedded, or a --schemas directory).</summary>
public sealed class SchemasCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var from = new Option<string?>("--schemas") { Description = "List this directory of *.json / *.json.gz schema files instead of the embedded ones." };
        var command = new Command("schemas",
            "List the provider schemas synth validates against: package, version, resource and type counts.\n" +
            "The whole schemas are embedded in the toolkit; scripts/refresh-schemas.sh [DIR] replaces them.\n" +
            "Example: toolkit schemas");
        command.Options.Add(from);
        command.SetAction((ParseResult parse, CancellationToken _) =>
        {
            var directory = parse.GetValue(from);
            var set = directory is null ? SchemaSet.Embedded : SchemaSet.FromDirectory(directory);
            foreach (var name in set.Packages)
            {
                var package = set.Package(name)!;
                Console.WriteLine($"{package.Name} {package.Version}: {package.Resources.Count} resources, {package.Types.Count} types ({package.Origin})");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
