using System.Text.Json;
using Toolkit.Compliance.Evidence;
using Toolkit.Compliance.Reports;
using Toolkit.Compliance.Tests.Fixtures;

namespace Toolkit.Compliance.Tests;

public class ReportSpecs
{
    [Theory]
    [InlineData(ReportFormat.Md)]
    [InlineData(ReportFormat.Html)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Sarif)]
    public void I_can_render_the_same_report_twice_and_get_the_same_bytes_without_timestamps(ReportFormat format)
    {
        var first = ReportRenderer.Render(Samples.Report(), format);
        var second = ReportRenderer.Render(Samples.Report(), format);

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
        Assert.DoesNotMatch(@"20\d\d-\d\d-\d\dT", first);
        Assert.Contains("3f1c0ffee0dd", first); // the config hash it was made from
    }

    [Fact]
    public void I_can_read_each_controls_status_and_evidence_in_the_markdown_report()
    {
        var md = ReportRenderer.Render(Samples.Report(y => y.Replace("deletionProtection: true", "deletionProtection: false")), ReportFormat.Md);

        Assert.Contains("| HIPAA | mandatory | FAIL |", md);
        Assert.Contains("| 164.312(c)(1) | Integrity: protect ePHI from improper alteration or destruction | FAIL |", md);
        Assert.Contains("| `database` | aws:rds:Cluster | `deletionProtection` | `false` | true | **no** |", md);
        Assert.Contains("Made by toolkit 0.1.0 from `toolkit.yaml`", md);
    }

    [Fact]
    public void I_can_read_the_json_report_back_into_the_same_report()
    {
        var report = Samples.Report();
        var json = ReportRenderer.Render(report, ReportFormat.Json);

        var back = OutputsFile.Parse(json, "report.json");

        Assert.Equal(json, ComplianceJson.Write(back));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("toolkit.compliance/v1", document.RootElement.GetProperty("schema").GetString());
        var frameworks = document.RootElement.GetProperty("frameworks");
        Assert.Equal(["soc2", "hipaa", "gdpr"], frameworks.EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal("advisory", frameworks[2].GetProperty("enforcement").GetString());
        Assert.All(frameworks.EnumerateArray().SelectMany(f => f.GetProperty("controls").EnumerateArray()),
            c => Assert.Contains(c.GetProperty("status").GetString(), new[] { "pass", "fail", "not-applicable" }));
    }
}
