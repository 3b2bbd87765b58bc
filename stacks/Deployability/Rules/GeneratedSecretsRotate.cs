namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Every secret holding a password the program generated has a rotation schedule.</summary>
public sealed class GeneratedSecretsRotate : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-SECRET-ROTATION";

    /// <inheritdoc />
    public override string Reason =>
        "A database password that never rotates stays valid for as long as anyone who ever read it keeps it (SOC 2 CC6.1, HIPAA 164.308(a)(5)).";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var passwords = program.OfType(Types.RandomPassword).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var rotated = program.OfType(Types.SecretRotation).SelectMany(r => ProgramFacts.References(r["secretId"])).ToHashSet(StringComparer.Ordinal);
        foreach (var version in program.OfType(Types.SecretVersion))
        {
            if (!ProgramFacts.References(version["secretString"]).Any(passwords.Contains)) continue;
            foreach (var secret in ProgramFacts.References(version["secretId"]))
                if (!rotated.Contains(secret)) yield return new Finding(secret, "holds a generated password but has no aws:secretsmanager/secretRotation");
        }
    }
}
