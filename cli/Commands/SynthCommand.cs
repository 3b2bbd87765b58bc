using System.CommandLine;
using Toolkit.Cli.Output;
using Toolkit.Cli.Synthesis;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;
using Toolkit.Stacks.Model;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit synth</c>: writes the Pulumi YAML program of one stack.</summary>
public sealed class SynthCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var run = new StackSynthesisRun();
        var output = new Option<string>("--out") { Description = "Directory to write Pulumi.yaml, Main.yaml and Pulumi.STACK.yaml into.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print what was written as JSON (ok, stack, files, resources, diagnostics incl. allowed and acknowledged warnings); a refusal prints {ok: false, diagnostics, hint}." };
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
            var unset = StackSynthesisRun.Write(result, directory);
            var program = result.Program!;
            if (p.GetValue(json))
                Console.Out.Write(CanonicalJson.Serialize(new SynthJson(program.StackName, program.ProjectName, directory,
                    result.Files.Select(f => f.Path).ToList(), program.Resources.Count, DiagnosticJson.From(result.Diagnostics))
                    { UnsetConfig = unset.Select(c => new UnsetConfigJson(c.Key, c.Secret, SetCommand(c, program.StackName))).ToList() }));
            else
            {
                // What the user must bring (secret slots, SES production access...) and other notes of the definitions.
                CommandOutput.Print(result.Diagnostics.Where(d => d.Severity == Severity.Info));
                Console.WriteLine($"Synthesized stack '{program.StackName}' ({program.Resources.Count} resources, validated) into {directory}: {string.Join(", ", result.Files.Select(f => f.Path))}");
                if (unset.Count > 0)
                {
                    // pulumi up would stop at the first of these; say them all now, with the command for each.
                    Console.WriteLine($"Set first ({unset.Count} config key{(unset.Count == 1 ? "" : "s")} with no value; keys set by hand are kept by the next synth):");
                    foreach (var c in unset) Console.WriteLine($"  {SetCommand(c, program.StackName)}");
                }
                Console.WriteLine($"Next: cd {directory} && pulumi up --stack {program.StackName}");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static string SetCommand(ConfigDeclaration config, string stack) => config.Type == ConfigType.StringList
        ? $"pulumi config set {(config.Secret ? "--secret " : "")}--path '{config.Key}[0]' VALUE --stack {stack} (one per item)"
        : $"pulumi config set {(config.Secret ? "--secret " : "")}{config.Key} VALUE --stack {stack}";
}

/// <summary>What <c>toolkit synth --json</c> prints on success.</summary>
public sealed record SynthJson(string Stack, string Project, string Output, IReadOnlyList<string> Files, int Resources, IReadOnlyList<DiagnosticJson> Diagnostics)
{
    /// <summary>Always true: the files were written.</summary>
    public bool Ok => true;

    /// <summary>Config keys declared without a default and set nowhere yet: <c>pulumi up</c> needs them.</summary>
    public IReadOnlyList<UnsetConfigJson> UnsetConfig { get; init; } = [];
}

/// <summary>One config key <c>pulumi up</c> needs a value for, and the command that sets it.</summary>
public sealed record UnsetConfigJson(string Key, bool Secret, string Command);
