using Toolkit.Compliance.Evaluation;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Compliance.Evidence;

public static partial class ComplianceReportSource
{
    /// <summary>Loads the config, builds the stack's program exactly as synth does, and evaluates it.</summary>
    private static ComplianceReport FromProgram(ComplianceReportRequest request)
    {
        var config = ConfigLoader.Load(request.ConfigPath);
        var stack = config.Stacks.FirstOrDefault(s => s.Name == request.Stack)
            ?? throw new DiagnosticException(Diagnostic.Error("TKC126",
                $"{Path.GetFileName(request.ConfigPath)} defines no stack '{request.Stack}' (stacks: {(config.Stacks.Count == 0 ? "none" : string.Join(", ", config.Stacks.Select(s => s.Name)))}).",
                config.Source.Find("stacks")));
        var context = SynthesisContext.For(config, stack);
        return CompliancePolicy.Evaluate(context, PlatformStack.Define(context).Program).Report;
    }
}
