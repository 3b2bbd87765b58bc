using System.CommandLine;
using System.Text.Json;
using Toolkit.Cli.Synthesis;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit synth</c>: writes the Pulumi YAML program of one stack.</summary>
public sealed class SynthCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var run = new StackSynthesisRun();
        var output = new Option<string>("--out") { Description = "Directory to write Pulumi.yaml, Main.yaml and Pulumi.STACK.yaml into.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print what was written as JSON (files, resource count, diagnostics)." };
        var command = new Command("synth",
            "Synthesize one stack of a toolkit.yaml into a Pulumi YAML program that `pulumi up` runs unchanged.\n" +
            "Every resource is checked against the provider schemas first (embedded subset, or --schemas DIR);\n" +
            "any error names the resource and property, and nothing is written. The same input gives byte-identical files.\n" +
            "Config keys set by hand in an existing Pulumi.STACK.yaml (traffic weights, Cloudflare ids, secrets) are kept.\n" +
            "Example: toolkit synth --config examples/toolkit.yaml --stack prod --out out/prod");
        run.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction((ParseResult p, CancellationToken _) =>
        {
            var result = run.Synthesize(p);
            var directory = Path.GetFullPath(p.GetValue(output)!);
            StackSynthesisRun.Write(result, directory);
            var program = result.Program!;
            if (p.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    stack = program.StackName,
                    project = program.ProjectName,
                    output = directory,
                    files = result.Files.Select(f => f.Path),
                    resources = program.Resources.Count,
                    diagnostics = result.Diagnostics.Select(d => new { severity = d.Severity.ToString().ToLowerInvariant(), code = d.Code, message = d.Message }),
                }, new JsonSerializerOptions { WriteIndented = true }));
            else
                Console.WriteLine($"Synthesized stack '{program.StackName}' ({program.Resources.Count} resources, validated) into {directory}: {string.Join(", ", result.Files.Select(f => f.Path))}\nNext: cd {directory} && pulumi up --stack {program.StackName}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
