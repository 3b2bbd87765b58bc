using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Synthesis;

/// <summary>
/// A check (and enrichment) run on every synthesized program before it is validated and written, for
/// example the compliance controls. Errors stop synth; outputs are added to (or replace) the program's.
/// </summary>
public interface IProgramPolicy
{
    /// <summary>Short name for messages.</summary>
    string Name { get; }

    /// <summary>Inspects <paramref name="program"/>, built for <paramref name="context"/>.</summary>
    PolicyResult Apply(SynthesisContext context, PulumiProgram program);
}

/// <summary>
/// What a policy found: diagnostics (an error names the resource and property) and stack outputs to add
/// or replace (same name replaces, for example a richer <c>compliance</c> object).
/// </summary>
public sealed record PolicyResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<StackOutput> Outputs)
{
    /// <summary>Nothing found, nothing added.</summary>
    public static PolicyResult Empty { get; } = new([], []);
}
