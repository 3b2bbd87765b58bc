using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Cloudflare record names and targets carry no trailing dot (literal, or an ACM output passed through unchanged).</summary>
public sealed class CloudflareNamesHaveNoTrailingDot : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-TRAILING-DOT";

    /// <inheritdoc />
    public override string Reason =>
        "Cloudflare stores names without the trailing dot ACM gives, so every `pulumi up` shows the record as changed and rewrites it (a permanent diff).";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var record in program.OfType(Types.CloudflareRecord))
            foreach (var key in new[] { "name", "content" })
            {
                var value = record[key];
                if (ProgramFacts.Text(value) is { } text && text.EndsWith('.'))
                    yield return new Finding(record.Name, $"{key} '{text}' ends with a dot");
                else if (value is Interpolation i && (i.Template.Contains(".resourceRecordName", StringComparison.Ordinal) || i.Template.Contains(".resourceRecordValue", StringComparison.Ordinal)))
                    yield return new Finding(record.Name, $"{key} is ACM's dotted {i.Template} unchanged");
            }
    }
}
