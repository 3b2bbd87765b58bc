using System.Text.Json;
using Toolkit.Compliance.Reports;
using Toolkit.Compliance.Tests.Fixtures;
using Toolkit.Compliance.Tests.Sarif;

namespace Toolkit.Compliance.Tests;

public class SarifSpecs
{
    [Fact]
    public void I_can_export_a_failing_report_as_sarif_2_1_0_with_rules_results_and_locations()
    {
        var report = Samples.Report(y => y.Replace("storageEncrypted: true", "storageEncrypted: false"));

        var sarif = SarifReport.Render(report);

        Assert.Empty(SarifValidator.Validate(sarif));
        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.Equal("toolkit-compliance", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        Assert.Equal(15, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var failure = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "hipaa/164.312(a)(2)(iv)" && r.GetProperty("kind").GetString() == "fail");
        Assert.Equal("error", failure.GetProperty("level").GetString());
        Assert.Contains("storageEncrypted", failure.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("database.storageEncrypted", failure.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        var advisory = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString()!.StartsWith("gdpr/") && r.GetProperty("kind").GetString() == "fail");
        Assert.Equal("warning", advisory.GetProperty("level").GetString());
    }

    [Fact]
    public void I_can_rely_on_the_sarif_validator_to_reject_logs_that_break_the_structure()
    {
        const string broken = """
            {"version":"2.0.0","runs":[{"tool":{"driver":{}},"results":[{"ruleId":"x","kind":"pass","level":"error","message":{},"locations":[{}]}]}]}
            """;

        var errors = SarifValidator.Validate(broken);

        Assert.Contains(errors, e => e.StartsWith("$.version"));
        Assert.Contains(errors, e => e.StartsWith("$.runs[0].tool.driver.name"));
        Assert.Contains(errors, e => e.StartsWith("$.runs[0].results[0].message.text"));
        Assert.Contains(errors, e => e.Contains("requires level 'none'"));
        Assert.Contains(errors, e => e.Contains("needs a physicalLocation or logicalLocations"));
    }
}
