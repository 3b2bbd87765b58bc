using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evidence;
using Toolkit.Compliance.Resources;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Compliance.Evaluation;

/// <summary>
/// The synth-time compliance policy: runs every check against the program just built, fails synth for each
/// failing control of a mandatory framework (naming resource, property and control), warns for advisory ones,
/// and replaces the stack's <c>compliance</c> output with the full evidence (frameworks, controls, statuses,
/// resources and properties). Registered in <c>cli/Synthesis/SynthesisPolicies.cs</c>.
/// </summary>
public sealed class CompliancePolicy(string? toolkitVersion = null) : IProgramPolicy
{
    /// <inheritdoc />
    public string Name => "compliance";

    /// <inheritdoc />
    public PolicyResult Apply(SynthesisContext context, PulumiProgram program)
    {
        var evaluation = Evaluate(context, program, toolkitVersion);
        return new PolicyResult(evaluation.Diagnostics,
            [new StackOutput(OutputsFile.ComplianceOutput, ModelValues.From(ComplianceJson.ToElement(evaluation.Report)))]);
    }

    /// <summary>Evaluates <paramref name="program"/> built for <paramref name="context"/> (also used by <c>toolkit compliance report</c>).</summary>
    public static ComplianceEvaluation Evaluate(SynthesisContext context, PulumiProgram program, string? toolkitVersion = null)
    {
        var view = ProgramViewBuilder.From(program, context.Regions);
        var file = context.Config.Source.File;
        var provenance = file.Length > 0 ? Provenance.ForFile(file, toolkitVersion) : new Provenance(toolkitVersion ?? Provenance.CurrentToolkitVersion(), "", "");
        return ComplianceEvaluator.Evaluate(new CheckContext(context.Config, context.Stack.Name, view), provenance);
    }
}
