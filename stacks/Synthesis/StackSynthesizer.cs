using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Schemas;

namespace Toolkit.Stacks.Synthesis;

/// <summary>
/// Synthesizes one stack: builds the program from the stack definitions, runs the policies (compliance...),
/// checks every resource against the provider schemas and the deployability rules, and renders the files. Pure: it returns files and
/// diagnostics and writes nothing, so a caller can refuse to write anything on any error.
/// </summary>
public sealed class StackSynthesizer(SchemaSet schemas, IReadOnlyList<IProgramPolicy> policies)
{
    /// <summary>A synthesizer with the embedded schemas and no policies.</summary>
    public StackSynthesizer() : this(SchemaSet.Embedded, []) { }

    /// <summary>Synthesizes the stack named <paramref name="stackName"/> of <paramref name="config"/> (an unknown stack is an error naming the known ones).</summary>
    public SynthResult Synthesize(ToolkitConfig config, string stackName)
    {
        ResolvedStack resolved;
        try { resolved = config.ResolveStack(stackName); }
        catch (DiagnosticException e) { return SynthResult.Failed([.. e.Diagnostics]); }
        return Synthesize(new SynthesisContext(resolved.Config, resolved.Stack, resolved.Regions));
    }

    /// <summary>Synthesizes the stack described by <paramref name="context"/>.</summary>
    public SynthResult Synthesize(SynthesisContext context)
    {
        var defined = PlatformStack.Define(context);
        var program = defined.Program;
        var diagnostics = new List<Diagnostic>(defined.Diagnostics);
        foreach (var policy in policies)
        {
            var result = policy.Apply(context, program);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Outputs.Count > 0) program = program.WithOutputs(result.Outputs);
        }
        diagnostics.AddRange(new SchemaValidator(schemas).Validate(program));
        diagnostics.AddRange(Deployability.DeployabilityCheck.Check(context, program));
        var files = diagnostics.Any(d => d.Severity == Severity.Error) ? [] : ProgramEmitter.Emit(program);
        return new SynthResult(program, files, diagnostics);
    }
}

/// <summary>
/// The outcome of a synth: the program, its files (empty when there are errors) and every diagnostic.
/// </summary>
public sealed record SynthResult(PulumiProgram? Program, IReadOnlyList<SynthesizedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>A failure before any program was built.</summary>
    public static SynthResult Failed(params Diagnostic[] diagnostics) => new(null, [], diagnostics);

    /// <summary>True when no diagnostic is an error.</summary>
    public bool Succeeded => Program is not null && Diagnostics.All(d => d.Severity != Severity.Error);

    /// <summary>True when there are warnings (which block unless allowed).</summary>
    public bool HasWarnings => Diagnostics.Any(d => d.Severity == Severity.Warning);

    /// <summary>The text of the file at <paramref name="path"/>.</summary>
    public string File(string path) => Files.First(f => f.Path == path).Content;
}
