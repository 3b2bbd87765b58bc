using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Every environment value named <c>*_ARN</c> is an ARN: an <c>arn</c> output, or text built to start with <c>arn:</c>.</summary>
public sealed class ArnsAreArns : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-ARN";

    /// <inheritdoc />
    public override string Reason =>
        "An SDK given a name prefix where it expects an ARN fails at the first GetSecretValue (or reads another secret of that name in another account).";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var (workload, name, value) in program.Environment())
            if (name.EndsWith("_ARN", StringComparison.Ordinal) && !IsArn(value))
                yield return new Finding(workload.Name, $"environment {name} is not an ARN");
    }

    private static bool IsArn(Value value) => value switch
    {
        StringValue s => s.Text.StartsWith("arn:", StringComparison.Ordinal),
        Interpolation i => i.IsSingleReference ? i.Template.EndsWith(".arn}", StringComparison.Ordinal) : i.Template.StartsWith("arn:", StringComparison.Ordinal),
        FunctionValue { Function: "join" } f => ProgramFacts.Items(ProgramFacts.At(f.Argument, "[1]")) is [StringValue first, ..] && first.Text.StartsWith("arn:", StringComparison.Ordinal),
        _ => false,
    };
}
