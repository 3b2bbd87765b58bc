namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Every certificate validation names the DNS records it waits for (<c>validationRecordFqdns</c>).</summary>
public sealed class CertificateValidationWaitsForRecords : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-CERT-VALIDATION";

    /// <inheritdoc />
    public override string Reason =>
        "Without validationRecordFqdns naming the program's validation records, CertificateValidation can start before the record exists and `pulumi up` waits 75 minutes, then fails.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var records = program.OfType(Types.Route53Record).Concat(program.OfType(Types.CloudflareRecord)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var validation in program.OfType(Types.CertificateValidation))
        {
            var fqdns = validation["validationRecordFqdns"];
            if (fqdns is null) yield return new Finding(validation.Name, "has no validationRecordFqdns");
            else if (!ProgramFacts.References(fqdns).Any(records.Contains))
                yield return new Finding(validation.Name, "validationRecordFqdns names no DNS record of this program");
        }
    }
}
