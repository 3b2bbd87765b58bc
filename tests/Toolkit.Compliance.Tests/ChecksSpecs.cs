using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evaluation;
using Toolkit.Compliance.Tests.Synthesis;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Compliance.Tests;

/// <summary>
/// Every check against real synthesized programs: the HIPAA fixture passes it, and the same fixture with one
/// setting changed fails it with the control named in the synth error.
/// </summary>
public class ChecksSpecs
{
    private static readonly Lazy<ComplianceEvaluation> Passing = new(() => Synthesized.Evaluate(Synthesized.HipaaPlatform));

    /// <summary>check id, what changes, the config edit (or null for an edit of the emitted program), the control the error names.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "encryption-at-rest", "atRest: true|atRest: false", "HIPAA 164.312(a)(2)(iv)" },
        { "tls-in-transit", "minimumTlsVersion: \"1.2\"|minimumTlsVersion: \"1.1\"", "HIPAA 164.312(e)(1)" },
        { "audit-logging", "    enabled: true|    enabled: false", "HIPAA 164.312(b)" },
        { "log-retention", "retentionDays: 2190|retentionDays: 365", "HIPAA 164.312(b)" },
        { "backup-retention", "backupRetentionDays: 35|backupRetentionDays: 3", "HIPAA 164.308(a)(7)" },
        { "multi-az", "emitted:clusterIdentifier: ${main-us-east-1.id}|clusterIdentifier: main-standalone", "HIPAA 164.308(a)(7)" },
        { "deletion-protection", "deletionProtection: true|deletionProtection: false", "HIPAA 164.312(c)(1)" },
        { "data-residency", "regions: [us-east-1]|regions: [eu-west-1]", "HIPAA 164.312(e)(1)" },
        { "tenant-isolation", "isolation: schema-per-tenant|isolation: rls", "HIPAA 164.312(c)(1)" },
        { "public-access-blocked", "emitted:restrictPublicBuckets: true|restrictPublicBuckets: false", "SOC 2 CC6.1" },
        { "backup-plan", "emitted:destinationVaultArn: ${backup-vault-us-east-2.arn}|destinationVaultArn: ${backup-vault-us-east-1.arn}", "HIPAA 164.308(a)(7)" },
        { "alarms", "emitted:alarmActions:\n        - ${alarms-us-east-1.arn}|alarmActions:\n        - ${kms-us-east-1.arn}", "SOC 2 CC7.2" },
        { "secrets-manager", "emitted:masterPassword: ${main-password.result}|masterPassword: hunter2-plaintext", "HIPAA 164.312(a)(2)(iv)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void I_can_see_each_check_pass_on_a_compliant_program_and_fail_naming_the_control_when_one_setting_changes(string check, string change, string control)
    {
        var emitted = change.StartsWith("emitted:", StringComparison.Ordinal);
        var (from, to) = (change.Split('|')[0].Replace("emitted:", ""), change.Split('|')[1]);
        var original = Synthesized.HipaaPlatform;
        Assert.Contains(from, emitted ? from : original);

        var failing = emitted
            ? Synthesized.EvaluateEmitted(original, main => ReplaceFirst(main, from, to))
            : Synthesized.Evaluate(ReplaceFirst(original, from, to));

        Assert.Equal(CheckStatus.Pass, Synthesized.StatusOf(Passing.Value, check));
        Assert.Equal(CheckStatus.Fail, Synthesized.StatusOf(failing, check));
        var error = failing.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error && d.Message.Contains($"[check {check}]") && d.Message.StartsWith(control + " ("));
        Assert.True(error is not null, $"no error naming {control} for {check} in:\n{string.Join("\n", failing.Diagnostics)}");
        Assert.Equal(ComplianceEvaluator.MandatoryCode, error.Code);
        Assert.Matches(@"resource '[^']+' \([a-z0-9]+:[^)]*\) property '[^']+' is ", error.Message);
    }

    [Fact]
    public void I_can_synthesize_the_compliant_hipaa_platform_without_a_single_compliance_finding()
    {
        var evaluation = Passing.Value;

        Assert.Empty(evaluation.Diagnostics);
        Assert.Equal(CheckStatus.Pass, evaluation.Report.Status);
        Assert.All(evaluation.Report.Frameworks.SelectMany(f => f.Controls), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void I_can_see_an_advisory_framework_warn_instead_of_failing()
    {
        var advisory = Synthesized.HipaaPlatform.Replace("    hipaa: mandatory\n    soc2: mandatory\n", "    hipaa: advisory\n    soc2: advisory\n");
        Assert.NotEqual(Synthesized.HipaaPlatform, advisory);

        var evaluation = Synthesized.Evaluate(ReplaceFirst(advisory, "backupRetentionDays: 35", "backupRetentionDays: 3"));

        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains(evaluation.Diagnostics, d => d.Severity == Severity.Warning && d.Code == ComplianceEvaluator.AdvisoryCode && d.Message.StartsWith("HIPAA 164.308(a)(7)"));
        Assert.False(evaluation.Report.MandatoryFailure);
    }

    [Fact]
    public void I_can_see_each_frameworks_floor_applied_to_its_own_controls_only()
    {
        var evaluation = Synthesized.Evaluate(ReplaceFirst(Synthesized.HipaaPlatform, "retentionDays: 2190", "retentionDays: 365"));

        var controls = evaluation.Report.Frameworks.SelectMany(f => f.Controls.Select(c => (f.Id, c.Id, c.Status))).ToList();
        Assert.Contains(("soc2", "CC7.2", CheckStatus.Pass), controls);       // SOC 2 expects a year of audit logs
        Assert.Contains(("hipaa", "164.312(b)", CheckStatus.Fail), controls); // HIPAA six years
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found");
        return text[..at] + to + text[(at + from.Length)..];
    }
}
