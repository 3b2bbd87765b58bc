namespace Toolkit.Compliance.Checks;

/// <summary>
/// One compliance check run against the synthesized resources. A check only reads: it returns a verdict
/// with its evidence, and the evaluator decides what that means for each control and framework.
/// </summary>
public interface ICheck
{
    /// <summary>Stable id the controls catalogue refers to (<c>encryption-at-rest</c>).</summary>
    string Id { get; }

    /// <summary>One line saying what is checked.</summary>
    string Title { get; }

    /// <summary>
    /// The config setting a failure is usually fixed in (<c>compliance.encryption</c>), for diagnostics' locations;
    /// <c>{stack}</c> stands for the stack evaluated (<c>stacks.{stack}.deletionProtection</c>).
    /// </summary>
    string ConfigPath { get; }

    /// <summary>Runs the check.</summary>
    CheckResult Run(CheckContext context);
}
