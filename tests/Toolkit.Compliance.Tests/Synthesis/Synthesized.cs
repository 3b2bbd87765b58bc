using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evaluation;
using Toolkit.Compliance.Resources;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Synthesis;
using Toolkit.Testing;

namespace Toolkit.Compliance.Tests.Synthesis;

/// <summary>
/// Real synthesized programs: a toolkit.yaml (the fixture or an example, optionally edited as text) loaded
/// by the real config loader and built by the real stack synthesizer with the compliance policy.
/// </summary>
public static class Synthesized
{
    /// <summary>The HIPAA fixture that passes every control.</summary>
    public static string HipaaPlatform => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hipaa-platform.yaml"));

    /// <summary>The text of <c>examples/NAME</c>.</summary>
    public static string Example(string name) => File.ReadAllText(RepositoryRoot.Combine("examples", name));

    /// <summary>Loads <paramref name="yaml"/> as a config named <paramref name="fileName"/>.</summary>
    public static ToolkitConfig Config(string yaml, string fileName = "toolkit.yaml") => ConfigLoader.Parse(yaml, fileName);

    /// <summary>Synthesizes <paramref name="stack"/> of <paramref name="yaml"/> with the compliance policy.</summary>
    public static SynthResult Synth(string yaml, string stack = "prod") =>
        new StackSynthesizer(Stacks.Schemas.SchemaSet.Embedded, [new CompliancePolicy("0.1.0")]).Synthesize(Config(yaml), stack);

    /// <summary>Synthesizes with the policy and returns the evaluation of the program as built.</summary>
    public static ComplianceEvaluation Evaluate(string yaml, string stack = "prod")
    {
        var config = Config(yaml);
        var resolved = config.ResolveStack(stack);
        var context = new SynthesisContext(resolved.Config, resolved.Stack, resolved.Regions);
        return CompliancePolicy.Evaluate(context, Stacks.Platforms.PlatformStack.Define(context).Program, "0.1.0");
    }

    /// <summary>
    /// Evaluates the emitted <c>Main.yaml</c> of a real synth after <paramref name="edit"/> changed it: for
    /// properties no toolkit.yaml setting can change (the program is what a hand edit would deploy).
    /// </summary>
    public static ComplianceEvaluation EvaluateEmitted(string yaml, Func<string, string> edit, string stack = "prod")
    {
        var config = Config(yaml);
        var resolved = config.ResolveStack(stack);
        var context = new SynthesisContext(resolved.Config, resolved.Stack, resolved.Regions);
        var main = ProgramEmitter.Emit(Stacks.Platforms.PlatformStack.Define(context).Program).First(f => f.Path == "Main.yaml").Content;
        var edited = edit(main);
        Assert.NotEqual(main, edited);
        var view = PulumiYamlReader.Read(edited, "Main.yaml", context.Regions);
        return ComplianceEvaluator.Evaluate(new CheckContext(config, stack, view), new Provenance("0.1.0", "toolkit.yaml", ""));
    }

    /// <summary>
    /// The result of check <paramref name="id"/> in an evaluation, over every framework it ran for
    /// (fail if it failed for any, since floors differ between frameworks).
    /// </summary>
    public static CheckStatus StatusOf(ComplianceEvaluation evaluation, string id) =>
        ComplianceEvaluator.Combine(evaluation.Report.Frameworks.SelectMany(f => f.Controls).SelectMany(c => c.Checks).Where(k => k.Id == id).Select(k => k.Status));
}
