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
        var resolved = config.ResolveStack(request.Stack); // the same resolution synth uses (unknown stack: located error)
        var context = new SynthesisContext(resolved.Config, resolved.Stack, resolved.Regions);
        return CompliancePolicy.Evaluate(context, PlatformStack.Define(context).Program).Report;
    }
}
