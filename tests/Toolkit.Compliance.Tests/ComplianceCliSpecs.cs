using Toolkit.Compliance.Tests.Synthesis;
using Toolkit.Testing;

namespace Toolkit.Compliance.Tests;

/// <summary>The real <c>toolkit compliance</c> verb, run as a process.</summary>
public class ComplianceCliSpecs
{
    private static string Synthesized_outputs(string yaml)
    {
        var synth = Synthesized.Synth(yaml);
        Assert.NotNull(synth.Program);
        return StackOutputsJson.Of(synth.Program!);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_render_the_html_report_of_a_stack_from_its_synthesized_program()
    {
        using var temp = new TempDirectory("toolkit-cli");
        var config = temp.Write("toolkit.yaml", Synthesized.HipaaPlatform);

        var result = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", config, "--stack", "prod", "--format", "html", "--out", "report.html");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var html = await File.ReadAllTextAsync(temp.Combine("report.html"));
        Assert.Contains("<table class=\"controls\" id=\"controls-hipaa\">", html);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(config)));
        Assert.Contains(sha, html);
        Assert.Contains("<dd id=\"config-file\">toolkit.yaml</dd>", html);

        var again = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", config, "--stack", "prod", "--format", "html", "--out", "again.html");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(temp.Combine("report.html")), await File.ReadAllBytesAsync(temp.Combine("again.html")));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_gate_ci_on_a_deployed_stacks_outputs_with_a_non_zero_exit_when_a_mandatory_control_fails()
    {
        using var temp = new TempDirectory("toolkit-cli");
        var config = temp.Write("toolkit.yaml", Synthesized.HipaaPlatform);
        temp.Write("outputs.json", Synthesized_outputs(Synthesized.HipaaPlatform.Replace("backupRetentionDays: 35", "backupRetentionDays: 3")));

        var result = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", config, "--stack", "prod", "--outputs", "outputs.json", "--format", "sarif", "--out", "report.sarif");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error TKC001: HIPAA 164.308(a)(7) (Contingency plan: data backup, disaster recovery and emergency mode) fails: resource 'main-us-east-1' (aws:rds:Cluster) property 'backupRetentionPeriod' is 3, expected >= 7 [check backup-retention]", result.StandardError);
        Assert.Empty(Sarif.SarifValidator.Validate(await File.ReadAllTextAsync(temp.Combine("report.sarif"))));

        var passing = temp.Write("passing.json", Synthesized_outputs(Synthesized.HipaaPlatform));
        var ok = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", config, "--stack", "prod", "--outputs", passing, "--format", "md");
        Assert.True(ok.ExitCode == 0, ok.StandardError);
        Assert.Contains("| HIPAA | mandatory | PASS | 5 | 0 | 0 |", ok.StandardOutput);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_diff_two_deploys_control_by_control_and_fail_on_a_regression()
    {
        using var temp = new TempDirectory("toolkit-cli");
        temp.Write("before.json", Synthesized_outputs(Synthesized.HipaaPlatform));
        temp.Write("after.json", Synthesized_outputs(Synthesized.HipaaPlatform.Replace("regions: [us-east-1]", "regions: [eu-west-1]")));

        var result = await ToolkitCli.RunAsync(temp.Path, "compliance", "diff", "before.json", "after.json", "--fail-on-regression");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("REGRESSED  hipaa 164.312(e)(1): pass -> fail", result.StandardOutput);
        Assert.Contains("data-residency: aws-eu-west-1.region: (none) -> eu-west-1 [not ok]", result.StandardOutput);
        var same = await ToolkitCli.RunAsync(temp.Path, "compliance", "diff", "before.json", "before.json");
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("0 control(s) changed", same.StandardOutput);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_get_a_clear_error_and_nothing_written_for_an_unknown_framework()
    {
        using var temp = new TempDirectory("toolkit-cli");
        var config = temp.Write("toolkit.yaml", Synthesized.HipaaPlatform.Replace("frameworks: [hipaa, soc2]", "frameworks: [hipaa, pci-dss]"));
        Assert.Contains("pci-dss", File.ReadAllText(config));
        var before = temp.Snapshot();

        var inConfig = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", config, "--stack", "prod", "--format", "md", "--out", "report.md");
        var inOption = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", temp.Write("ok.yaml", Synthesized.HipaaPlatform),
            "--stack", "prod", "--framework", "iso27001", "--out", "report.md");

        Assert.Equal(1, inConfig.ExitCode);
        Assert.Contains("toolkit.yaml:", inConfig.StandardError);
        Assert.Contains("pci-dss", inConfig.StandardError);
        Assert.Equal(1, inOption.ExitCode);
        Assert.Contains("unknown framework 'iso27001' (known: soc2, hipaa, gdpr)", inOption.StandardError);
        Assert.False(File.Exists(temp.Combine("report.md")));
        Assert.Equal(before.Keys.Append("ok.yaml").Order(), temp.Snapshot().Keys.Order());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_get_a_clear_error_naming_file_and_position_for_a_malformed_outputs_file_and_my_old_report_is_untouched()
    {
        using var temp = new TempDirectory("toolkit-cli");
        var config = temp.Write("toolkit.yaml", Synthesized.HipaaPlatform);
        temp.Write("outputs.json", "{\n  \"compliance\": {\n    \"schema\": \"toolkit.compliance/v1\",\n    \"frameworks\": [\n  }\n}\n");
        temp.Write("report.md", "the previous report\n");
        var before = temp.Snapshot();

        var result = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", config, "--stack", "prod", "--outputs", "outputs.json", "--out", "report.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"outputs\.json:5:3: error TKC102: 'outputs\.json' is not valid JSON at line 5, column 3", result.StandardError.Replace(temp.Path + "/", ""));
        Assert.Equal(before, temp.Snapshot());
    }

    [Theory(Timeout = 120_000)]
    [InlineData("regions: [us-east-1]", "regions: [eu-west-1]", "error TK2004", "HIPAA 164.312(e)(1), GDPR Art. 44): region(s) eu-west-1")] // caught by the config rules before the program is built
    [InlineData("atRest: true", "atRest: false", "error TK2006", "164.312(a)(2)(iv)")]
    [InlineData("isolation: schema-per-tenant", "isolation: rls", "error TK2028", "HIPAA (164.312(c)(1)): rls keeps every tenant's ePHI in shared tables")] // the rule and the control agree; the rule says it first
    [InlineData("deletionProtection: true", "deletionProtection: false", "error TKC001", "HIPAA 164.312(c)(1) (Integrity: protect ePHI from improper alteration or destruction) fails: resource 'main-us-east-1' (aws:rds:Cluster) property 'deletionProtection' is false")]
    public async Task I_can_see_toolkit_synth_refuse_a_non_compliant_hipaa_platform_and_write_the_fixed_one(string from, string to, string code, string names)
    {
        using var temp = new TempDirectory("toolkit-synth");
        var broken = temp.Write("broken.yaml", Synthesized.HipaaPlatform.Replace(from, to));
        var fixedConfig = temp.Write("toolkit.yaml", Synthesized.HipaaPlatform);
        Assert.NotEqual(File.ReadAllText(broken), File.ReadAllText(fixedConfig));

        var failed = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", broken, "--stack", "prod", "--out", "out-broken");
        var passed = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", fixedConfig, "--stack", "prod", "--out", "out");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains(code, failed.StandardError);
        Assert.Contains(names, failed.StandardError);
        Assert.False(Directory.Exists(temp.Combine("out-broken")));
        Assert.True(passed.ExitCode == 0, passed.StandardError);
        var main = await File.ReadAllTextAsync(temp.Combine("out", "Main.yaml"));
        Assert.Contains("toolkit.compliance/v1", main);
    }
}
