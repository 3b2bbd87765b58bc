using Toolkit.Compliance.Evidence;
using Toolkit.Compliance.Tests.Synthesis;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Compliance.Tests;

/// <summary>The compliance policy inside the real stack synthesizer (embedded provider schemas, all validation on).</summary>
public class SynthPolicySpecs
{
    [Theory]
    [InlineData("regions: [us-east-1]", "regions: [eu-west-1]", "HIPAA 164.312(e)(1)", "aws-eu-west-1", "region")]
    [InlineData("atRest: true", "atRest: false", "HIPAA 164.312(a)(2)(iv)", "main-us-east-1", "storageEncrypted")]
    public void I_can_see_synth_of_a_hipaa_platform_fail_naming_the_control_resource_and_property(string from, string to, string control, string resource, string property)
    {
        var broken = Synthesized.HipaaPlatform.Replace(from, to);
        Assert.NotEqual(Synthesized.HipaaPlatform, broken);

        var result = Synthesized.Synth(broken);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Files); // nothing to write
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Code == "TKC001" &&
            d.Message.StartsWith(control) && d.Message.Contains($"resource '{resource}'") && d.Message.Contains($"property '{property}'"));
    }

    [Fact]
    public void I_can_synthesize_the_fixed_hipaa_platform_and_find_the_evidence_in_its_compliance_output()
    {
        var result = Synthesized.Synth(Synthesized.HipaaPlatform);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var main = result.File("Main.yaml");
        Assert.Contains("toolkit.compliance/v1", main);
        Assert.Contains("164.312(a)(2)(iv)", main);
        Assert.Contains("$${kms-us-east-1.arn}", main); // evidence is literal text: Pulumi never resolves it
        Assert.Contains("regionDeployments", main);
        var outputs = StackOutputsJson.Of(result.Program!);
        var report = OutputsFile.Parse(outputs, "outputs.json");
        Assert.Equal(["soc2", "hipaa"], report.Frameworks.Select(f => f.Id));
        Assert.False(report.MandatoryFailure);
    }

    [Fact]
    public void I_can_synthesize_a_gdpr_platform_in_eu_regions_with_every_gdpr_control_passing()
    {
        var result = Synthesized.Synth(Synthesized.Example("kubernetes-multi-region.yaml"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var report = OutputsFile.Parse(StackOutputsJson.Of(result.Program!), "outputs.json");
        var gdpr = Assert.Single(report.Frameworks, f => f.Id == "gdpr");
        Assert.Equal(["Art. 5(1)(e)", "Art. 17", "Art. 25", "Art. 32", "Art. 44"], gdpr.Controls.Select(c => c.Id));
        Assert.All(gdpr.Controls, c => Assert.Equal(Checks.CheckStatus.Pass, c.Status));
        var art44 = gdpr.Controls.Single(c => c.Id == "Art. 44").Checks;
        Assert.Equal(["data-residency", "third-country-transfer"], art44.Select(k => k.Id));
        Assert.All(art44, k => Assert.Equal(["eu-west-1", "eu-central-1"], k.Evidence.Select(e => e.Value)));
    }
}
