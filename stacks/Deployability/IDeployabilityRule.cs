using Toolkit.Core.Diagnostics;

namespace Toolkit.Stacks.Deployability;

/// <summary>
/// One pitfall no provider schema knows, as an assertion on the program: a program that breaks it passes validation
/// but does not come up and serve on the first <c>pulumi up</c> (or opens a hole). Each rule says why in its message.
/// </summary>
public interface IDeployabilityRule
{
    /// <summary>Stable code (<c>TK-DEPLOY-…</c>), documented in docs/stacks.md.</summary>
    string Code { get; }

    /// <summary>What goes wrong at <c>pulumi up</c> (or after) when the rule is broken; every message ends with it.</summary>
    string Reason { get; }

    /// <summary>The findings of this rule on <paramref name="program"/>.</summary>
    IEnumerable<Finding> Check(ProgramFacts program);
}

/// <summary>One place a rule is broken: the resource (or output) and what is wrong there.</summary>
public sealed record Finding(string Resource, string Problem);

/// <summary>Base of the rules: turns findings into error diagnostics that name the resource, the problem and the reason.</summary>
public abstract class DeployabilityRule : IDeployabilityRule
{
    /// <inheritdoc />
    public abstract string Code { get; }

    /// <inheritdoc />
    public abstract string Reason { get; }

    /// <inheritdoc />
    public abstract IEnumerable<Finding> Check(ProgramFacts program);

    /// <summary>The finding as an error diagnostic.</summary>
    public Diagnostic ToDiagnostic(Finding finding) =>
        Diagnostic.Error(Code, $"{finding.Resource}: {finding.Problem}. {Reason}");
}
