using System.CommandLine;
using Toolkit.Cli.Output;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Cli.Synthesis;

/// <summary>
/// What synth, preview, up and destroy share: their common options, and load config -> synthesize with
/// the policies -> (optionally) write the files atomically. Errors come back as a <see cref="DiagnosticException"/>.
/// </summary>
public sealed class StackSynthesisRun
{
    /// <summary>--config.</summary>
    public Option<string> Config { get; } = new("--config") { Description = "The toolkit.yaml to synthesize.", DefaultValueFactory = _ => "toolkit.yaml" };

    /// <summary>--stack.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Stack name from the config's stacks: section (dev, staging, prod...).", Required = true };

    /// <summary>--schemas.</summary>
    public Option<string?> Schemas { get; } = new("--schemas") { Description = "Validate against the whole *.json schema files in this directory (for example ../shared/pulumi-schemas, or `pulumi package get-schema` output) instead of the embedded subset." };

    /// <summary>--allow-warnings.</summary>
    public Option<bool> AllowWarnings { get; } = new("--allow-warnings") { Description = "Go on when the config or the stack raises warnings (they are still printed, and listed in --json); errors always stop. To accept one warning for good, acknowledge it in toolkit.yaml (docs/configuration.md#acknowledgements)." };

    /// <summary>--image.</summary>
    public Option<string?> Image { get; } = new("--image")
    {
        Description = "Container image the stack runs, instead of stacks.STACK.image (CI passes the tag it just pushed). Example: ghcr.io/acme/app:3f2c1a9",
    };

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Stack);
        command.Options.Add(Schemas);
        command.Options.Add(AllowWarnings);
        command.Options.Add(Image);
    }

    /// <summary>
    /// Loads, validates and synthesizes; throws every finding (errors, warnings, acknowledged ones) when any blocks.
    /// Otherwise the warnings, acknowledged or allowed, are printed on stderr and come back in
    /// <see cref="SynthResult.Diagnostics"/> (config findings first), so <c>--json</c> shows them too.
    /// </summary>
    public SynthResult Synthesize(ParseResult parse) => Synthesize(parse, parse.GetValue(Config)!).Result;

    /// <summary>The same for the config at <paramref name="configPath"/> (cost --compare), returning the loaded config too.</summary>
    public (ToolkitConfig Config, SynthResult Result) Synthesize(ParseResult parse, string configPath)
    {
        var allowWarnings = parse.GetValue(AllowWarnings);
        var config = ConfigLoader.Load(configPath);
        if (parse.GetValue(Image) is { Length: > 0 } image)
        {
            var stack = parse.GetValue(Stack)!;
            config = config with { Stacks = config.Stacks.Select(s => s.Name == stack ? s with { Image = image } : s).ToList() };
        }
        List<Diagnostic> findings = [.. ConfigValidator.Validate(config).Diagnostics];
        if (findings.Any(d => d.Blocks(allowWarnings))) throw new DiagnosticException(findings.Where(d => d.Severity != Severity.Info).ToList());
        var schemaDirectory = parse.GetValue(Schemas);
        var schemas = schemaDirectory is null ? SchemaSet.Embedded : SchemaSet.FromDirectory(schemaDirectory);
        var result = new StackSynthesizer(schemas, SynthesisPolicies.All).Synthesize(config, parse.GetValue(Stack)!);
        findings.AddRange(result.Diagnostics);
        if (findings.Any(d => d.Blocks(allowWarnings))) throw new DiagnosticException(findings.Where(d => d.Severity != Severity.Info).ToList());
        CommandOutput.Print(findings.Where(d => d.Severity != Severity.Info));
        return (config, result with { Diagnostics = findings });
    }

    /// <summary>
    /// Writes the files into <paramref name="directory"/> as one unit (all or nothing), keeping config keys of an
    /// existing <c>Pulumi.STACK.yaml</c> that the toolkit does not own.
    /// </summary>
    /// <returns>The config keys the stack still needs before <c>pulumi up</c> (declared without a default, set nowhere).</returns>
    public static IReadOnlyList<ConfigDeclaration> Write(SynthResult result, string directory)
    {
        var program = result.Program!;
        IReadOnlyList<ConfigDeclaration> unset = [];
        using var staged = new StagedDirectory(directory);
        foreach (var file in result.Files)
        {
            var content = file.Content;
            if (file.Path == $"Pulumi.{program.StackName}.yaml")
            {
                var existingPath = Path.Combine(directory, file.Path);
                var stackFile = StackSettingsFile.Merge(program, File.Exists(existingPath) ? File.ReadAllText(existingPath) : null, existingPath);
                content = stackFile.Content;
                unset = StackSettingsFile.Unset(program, stackFile);
            }
            staged.WriteText(file.Path, content);
        }
        staged.Commit();
        return unset;
    }

}
