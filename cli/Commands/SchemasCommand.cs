using System.CommandLine;
using Toolkit.Core.Output;
using Toolkit.Stacks.Schemas;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit schemas extract</c>: cuts provider schemas down to the subset embedded in the toolkit.</summary>
public sealed class SchemasCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var command = new Command("schemas", "Provider schemas synth validates against.");
        var from = new Option<string>("--from") { Description = "Directory of whole schema files (aws.schema.json..., as `pulumi package get-schema` prints them).", Required = true };
        var output = new Option<string>("--out") { Description = "Directory to write PACKAGE.schema.json.gz into (stacks/Schemas/Embedded).", Required = true };
        var extract = new Command("extract",
            "Writes, per provider, the resource types every stack combination uses and the types they reach.\n" +
            "Example: toolkit schemas extract --from ../shared/pulumi-schemas --out stacks/Schemas/Embedded");
        extract.Options.Add(from);
        extract.Options.Add(output);
        extract.SetAction((ParseResult parse, CancellationToken _) =>
        {
            var source = parse.GetValue(from)!;
            var target = parse.GetValue(output)!;
            var files = new List<(string Name, byte[] Bytes, int Count)>();
            foreach (var (package, types) in StackCoverage.ResourceTypes())
            {
                var file = Path.Combine(source, $"{package}.schema.json");
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine($"error TK-SCHEMA-DIR: '{file}' is missing; the stacks use package '{package}'.");
                    return Task.FromResult(ExitCodes.Failed);
                }
                files.Add(($"{package}.schema.json.gz", SchemaExtractor.Gzip(SchemaExtractor.Extract(file, types)), types.Count));
            }
            using var staged = new StagedDirectory(target);
            foreach (var (name, bytes, _) in files) staged.WriteBytes(name, bytes);
            staged.Commit();
            foreach (var (name, bytes, count) in files) Console.WriteLine($"{name}: {count} resource types, {bytes.Length:N0} bytes");
            return Task.FromResult(ExitCodes.Ok);
        });
        command.Subcommands.Add(extract);
        return command;
    }
}
