using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Reports;
using Toolkit.Compliance.Tests.Synthesis;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Tests;

/// <summary>
/// Acknowledged warnings: a GDPR platform in us-east-1 warns TK2009 at validate and fails GDPR Art. 44 at synth
/// (they agree); an acknowledgement in force accepts both (printed, in reports as accepted risk with its reason);
/// an expired one blocks again.
/// </summary>
public sealed class AcknowledgementSpecs
{
    private static readonly DateOnly Future = Acknowledgement.Today.AddDays(30);
    private static readonly DateOnly Past = Acknowledgement.Today.AddDays(-1);

    private static string GdprInUsEast(params Acknowledgement[] acknowledgements)
    {
        var starter = StarterConfig.Create(new StarterOptions
        {
            Pattern = "single-region", Isolation = "schema-per-tenant", Compute = "aws-ecs", Edge = "aws", Regions = ["us-east-1"], Compliance = ["gdpr"],
        });
        return ConfigWriter.Write(starter with { Acknowledgements = acknowledgements });
    }

    private static Acknowledgement Ack(string id, DateOnly until) =>
        new(id, "SCCs (2021/914) signed with AWS; TIA ref. 2026-014", "dpo@acme.example", until);

    [Fact]
    public void Without_an_acknowledgement_the_rule_warns_and_the_control_fails_for_the_same_region()
    {
        var yaml = GdprInUsEast();

        var validation = ConfigValidator.Validate(Synthesized.Config(yaml));
        var synth = Synthesized.Synth(yaml);

        var warning = Assert.Single(validation.Diagnostics, d => d.Code == "TK2009");
        Assert.True(warning.Blocks(allowWarnings: false));
        Assert.False(warning.Blocks(allowWarnings: true));
        var art44 = Synthesized.Evaluate(yaml).Report.Frameworks.Single().Controls.Single(c => c.Id == "Art. 44");
        Assert.Equal(CheckStatus.Fail, art44.Status);
        Assert.Contains(synth.Diagnostics, d => d.Code == "TKC001" && d.Message.Contains("GDPR Art. 44") && d.Message.Contains("us-east-1"));
        Assert.False(synth.Succeeded);
    }

    [Theory]
    [InlineData("TK2009")]
    [InlineData("gdpr-region-outside-adequacy")]
    public void An_acknowledgement_of_the_rule_in_force_accepts_the_warning_and_the_control(string id)
    {
        var yaml = GdprInUsEast(Ack(id, Future));

        var validation = ConfigValidator.Validate(Synthesized.Config(yaml));
        var synth = Synthesized.Synth(yaml);
        var report = Synthesized.Evaluate(yaml).Report;

        var warning = Assert.Single(validation.Diagnostics, d => d.Code == "TK2009");
        Assert.NotNull(warning.Acknowledged);
        Assert.False(warning.Blocks(allowWarnings: false));
        Assert.True(validation.IsValid());
        Assert.Contains("(acknowledged by dpo@acme.example until ", warning.ToString());
        Assert.Contains("SCCs (2021/914)", warning.ToString());
        Assert.True(synth.Succeeded, string.Join("\n", synth.Diagnostics));
        var accepted = Assert.Single(synth.Diagnostics, d => d.Code == "TKC001");
        Assert.Equal(Severity.Warning, accepted.Severity);
        Assert.Equal(id, accepted.Acknowledged!.Id);
        var art44 = report.Frameworks.Single().Controls.Single(c => c.Id == "Art. 44");
        Assert.Equal(CheckStatus.AcceptedRisk, art44.Status);
        Assert.Equal("dpo@acme.example", art44.Acceptance!.By);
        Assert.Equal(1, report.Frameworks.Single().Summary.AcceptedRisk);
    }

    [Fact]
    public void The_reports_show_an_accepted_risk_with_its_reason()
    {
        var report = Synthesized.Evaluate(GdprInUsEast(Ack("gdpr/Art. 44", Future))).Report;

        var markdown = ReportRenderer.Render(report, ReportFormat.Md);
        var html = ReportRenderer.Render(report, ReportFormat.Html);
        var json = ReportRenderer.Render(report, ReportFormat.Json);
        var sarif = ReportRenderer.Render(report, ReportFormat.Sarif);

        Assert.Contains("### GDPR Art. 44: ACCEPTED RISK", markdown);
        Assert.Contains("Accepted risk (acknowledgement 'gdpr/Art. 44'): SCCs (2021/914) signed with AWS; TIA ref. 2026-014. By dpo@acme.example", markdown);
        Assert.Contains("ACCEPTED RISK", html);
        Assert.Contains("SCCs (2021/914)", html);
        Assert.Contains("\"status\": \"accepted-risk\"", json);
        Assert.Contains("\"reason\": \"SCCs (2021/914) signed with AWS; TIA ref. 2026-014\"", json);
        Assert.Contains("\"kind\": \"review\"", sarif);
        // The JSON report reads back with the acceptance (compliance diff and --outputs use it).
        var read = Evidence.ComplianceJson.Read(System.Text.Json.JsonDocument.Parse(json).RootElement, "r.json");
        Assert.Equal(report.Frameworks.Single().Controls.Single(c => c.Id == "Art. 44").Acceptance, read.Frameworks.Single().Controls.Single(c => c.Id == "Art. 44").Acceptance);
    }

    [Fact]
    public void An_expired_acknowledgement_blocks_again_and_says_so()
    {
        var yaml = GdprInUsEast(Ack("TK2009", Past));

        var validation = ConfigValidator.Validate(Synthesized.Config(yaml));
        var synth = Synthesized.Synth(yaml);

        var warning = Assert.Single(validation.Diagnostics, d => d.Code == "TK2009");
        Assert.Null(warning.Acknowledged);
        Assert.True(warning.Blocks(allowWarnings: false));
        Assert.Contains(warning.Suggestions, s => s.Contains("expired on " + Past.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(synth.Succeeded);
        var error = Assert.Single(synth.Diagnostics, d => d.Code == "TKC001");
        Assert.Contains(error.Suggestions, s => s.Contains("expired on"));
        Assert.Equal(CheckStatus.Fail, Synthesized.Evaluate(yaml).Report.Frameworks.Single().Controls.Single(c => c.Id == "Art. 44").Status);
    }

    [Fact]
    public void Init_records_the_inherent_transfer_and_the_starter_reads_back_equal()
    {
        var starter = StarterConfig.Create(new StarterOptions
        {
            Pattern = "multi-region", Isolation = "rls", Compute = "kubernetes", Edge = "cloudflare", Regions = ["eu-west-1", "us-east-1"], Compliance = ["soc2", "gdpr"],
            Today = new DateOnly(2026, 12, 1),
        });

        var ack = Assert.Single(starter.Acknowledgements);
        Assert.Equal("TK2009", ack.Id);
        Assert.Equal(new DateOnly(2027, 3, 1), ack.Until);
        Assert.Contains("us-east-1", ack.Reason);
        Assert.DoesNotContain("eu-west-1", ack.Reason);
        var read = Synthesized.Config(ConfigWriter.Write(starter));
        Assert.Equal(ack with { Location = null }, read.Acknowledgements.Single() with { Location = null });
        Assert.NotNull(read.Acknowledgements.Single().Location);
    }

    [Fact]
    public void A_bad_acknowledgement_is_a_located_error()
    {
        var yaml = GdprInUsEast() + "\nacknowledgements:\n  - id: TK2009\n    reason: x\n    until: next year\n";

        var errors = Assert.Throws<DiagnosticException>(() => Synthesized.Config(yaml)).Diagnostics;

        Assert.Contains(errors, e => e.Code == ConfigErrorCodes.MissingKey && e.Message.Contains(".by' is required"));
        Assert.Contains(errors, e => e.Code == ConfigErrorCodes.InvalidValue && e.Message.Contains("YYYY-MM-DD") && e.Location!.Line > 1);
    }
}
