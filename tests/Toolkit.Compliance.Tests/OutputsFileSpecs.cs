using Toolkit.Compliance.Evidence;
using Toolkit.Compliance.Reports;
using Toolkit.Compliance.Tests.Fixtures;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Compliance.Tests;

public class OutputsFileSpecs
{
    [Fact]
    public void I_can_read_the_compliance_output_from_pulumi_stack_output_json_with_secrets_hidden()
    {
        var compliance = ReportRenderer.Render(Samples.Report(), ReportFormat.Json);
        var outputs = $$"""{"databasePassword": "[secret]", "regionDeployments": [{"region": "us-east-1", "primary": true}], "compliance": {{compliance}}}""";

        var report = OutputsFile.Parse(outputs, "outputs.json");

        Assert.Equal("prod", report.Stack);
        Assert.Equal(["soc2", "hipaa", "gdpr"], report.Frameworks.Select(f => f.Id));
    }

    [Theory]
    [InlineData("{\n  \"compliance\": {\n    \"schema\": ,\n  }\n}", "TKC102", "'outputs.json' is not valid JSON at line 3, column 15")]
    [InlineData("[1, 2]", "TKC103", "is not a stack outputs object")]
    [InlineData("{\"url\": \"https://x\"}", "TKC104", "has no 'compliance' output (outputs: url)")]
    [InlineData("{\"compliance\": \"[secret]\"}", "TKC105", "marked secret")]
    [InlineData("{\"compliance\": {\"schema\": \"toolkit.compliance/v1\", \"frameworks\": 3}}", "TKC110", "not a compliance report")]
    public void I_get_a_clear_error_naming_the_file_and_position_for_a_malformed_outputs_file(string json, string code, string message)
    {
        var error = Assert.Throws<DiagnosticException>(() => OutputsFile.Parse(json, "outputs.json"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(message, diagnostic.Message);
        Assert.Equal("outputs.json", diagnostic.Location?.File);
    }

    [Fact]
    public void I_get_a_clear_error_for_an_unknown_framework_in_an_outputs_file()
    {
        var json = ReportRenderer.Render(Samples.Report(), ReportFormat.Json).Replace("\"id\": \"gdpr\"", "\"id\": \"pci-dss\"");

        var error = Assert.Throws<DiagnosticException>(() => OutputsFile.Parse(json, "old.json"));

        Assert.Contains("old.json: unknown framework 'pci-dss' (known: soc2, hipaa, gdpr)", error.Message);
    }
}
