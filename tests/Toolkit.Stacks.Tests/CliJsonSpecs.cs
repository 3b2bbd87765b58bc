using System.Text.Json;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests;

/// <summary>
/// One output contract, through the real binary: <c>--json</c> prints one valid document on success and on refusal,
/// the exit code is the one without <c>--json</c>, diagnostics have one shape, and refusals say how to go on.
/// </summary>
public sealed class CliJsonSpecs
{
    // A GDPR platform in us-east-1 with no acknowledgement: TK2009 warns at validate.
    private static string Gdpr(TempDirectory temp)
    {
        var starter = StarterConfig.Create(new StarterOptions
        {
            Pattern = "single-region", Isolation = "schema-per-tenant", Compute = "aws-ecs", Edge = "aws", Regions = ["us-east-1"], Compliance = ["gdpr"],
        });
        return temp.Write("toolkit.yaml", ConfigWriter.Write(starter with { Acknowledgements = [] }));
    }

    // No framework, db-per-tenant with 60 tenants: only the TK2005 cost warning.
    private static string CostWarning(TempDirectory temp) =>
        temp.Write("toolkit.yaml", ConfigWriter.Write(StarterConfig.Create(new StarterOptions
        {
            Pattern = "single-region", Isolation = "db-per-tenant", Compute = "aws-ecs", Edge = "aws", Tenants = 60,
        })));

    private static void AssertDiagnosticShape(JsonElement d)
    {
        Assert.Equal(["code", "severity", "message", "file", "line", "column", "suggestions", "acknowledged"], d.EnumerateObject().Select(p => p.Name));
    }

    [Theory(Timeout = 180_000)]
    [InlineData("validate")]
    [InlineData("synth", "--stack", "prod", "--out", "out")]
    [InlineData("preview", "--stack", "prod")]
    public async Task A_refusal_on_a_warning_is_one_json_document_that_names_both_ways_on(string verb, params string[] rest)
    {
        using var temp = new TempDirectory();
        var config = Gdpr(temp);
        var before = temp.Snapshot();

        var text = await ToolkitCli.RunAsync(temp.Path, [verb, "--config", config, .. rest]);
        var json = await ToolkitCli.RunAsync(temp.Path, [verb, "--config", config, .. rest, "--json"]);

        Assert.Equal(1, text.ExitCode);
        Assert.Equal(1, json.ExitCode);
        Assert.Contains("--allow-warnings", text.StandardError);
        Assert.Contains("acknowledgements: [{ id: TK2009, reason:", text.StandardError);
        using var doc = JsonDocument.Parse(json.StandardOutput);
        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
        var tk2009 = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "TK2009");
        AssertDiagnosticShape(tk2009);
        Assert.Equal("warning", tk2009.GetProperty("severity").GetString());
        Assert.Equal(config, tk2009.GetProperty("file").GetString());
        Assert.True(tk2009.GetProperty("line").GetInt32() > 1);
        Assert.Contains("--allow-warnings", doc.RootElement.GetProperty("hint").GetString());
        Assert.Equal(before, temp.Snapshot());
    }

    [Fact(Timeout = 180_000)]
    public async Task With_allow_warnings_synth_still_prints_the_warnings_and_lists_them_in_json()
    {
        using var temp = new TempDirectory();
        var config = CostWarning(temp);

        var refused = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "dev", "--out", "out", "--json");
        var allowed = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "dev", "--out", "out", "--json", "--allow-warnings");

        Assert.Equal(1, refused.ExitCode);
        Assert.True(allowed.ExitCode == 0, allowed.StandardError);
        Assert.Contains("warning TK2005", allowed.StandardError);
        using var doc = JsonDocument.Parse(allowed.StandardOutput);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        var warning = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "TK2005");
        AssertDiagnosticShape(warning);
        Assert.Equal(JsonValueKind.Null, warning.GetProperty("acknowledged").ValueKind);
    }

    [Fact(Timeout = 180_000)]
    public async Task An_acknowledged_warning_is_printed_as_such_and_carried_in_json()
    {
        using var temp = new TempDirectory();
        var config = CostWarning(temp);
        await File.AppendAllTextAsync(config, "\nacknowledgements:\n  - id: db-per-tenant-cost\n    reason: enterprise tenants pay for their clusters\n    by: cto@acme.example\n    until: 2099-12-31\n");

        var validate = await ToolkitCli.RunAsync(temp.Path, "validate", "--config", config, "--json");
        var synth = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "dev", "--out", "out");

        Assert.True(validate.ExitCode == 0, validate.StandardOutput);
        using var doc = JsonDocument.Parse(validate.StandardOutput);
        Assert.Equal(1, doc.RootElement.GetProperty("acknowledged").GetInt32());
        var ack = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "TK2005").GetProperty("acknowledged");
        Assert.Equal("cto@acme.example", ack.GetProperty("by").GetString());
        Assert.Equal("2099-12-31", ack.GetProperty("until").GetString());
        Assert.True(synth.ExitCode == 0, synth.StandardError);
        Assert.Contains("warning TK2005", synth.StandardError);
        Assert.Contains("(acknowledged by cto@acme.example until 2099-12-31: enterprise tenants pay for their clusters)", synth.StandardError);
    }

    [Fact(Timeout = 180_000)]
    public async Task Compliance_report_json_is_a_document_on_success_and_on_refusal()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("toolkit.yaml", ConfigWriter.Write(StarterConfig.Create(new StarterOptions
        {
            Pattern = "single-region", Isolation = "schema-per-tenant", Compute = "aws-ecs", Edge = "aws", Regions = ["us-east-1"], Compliance = ["soc2", "gdpr"],
        })));

        var report = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", config, "--stack", "prod", "--json");
        var refused = await ToolkitCli.RunAsync(temp.Path, "compliance", "report", "--config", temp.Combine("missing.yaml"), "--stack", "prod", "--json");

        Assert.True(report.ExitCode == 0, report.StandardError);
        using (var doc = JsonDocument.Parse(report.StandardOutput))
        {
            Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
            var gdpr = doc.RootElement.GetProperty("report").GetProperty("frameworks").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "gdpr");
            var art44 = gdpr.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "Art. 44");
            // init recorded the transfer basis for us-east-1: accepted risk, not PASS.
            Assert.Equal("accepted-risk", art44.GetProperty("status").GetString());
            Assert.Equal("toolkit init", art44.GetProperty("acceptance").GetProperty("by").GetString());
        }
        Assert.Equal(1, refused.ExitCode);
        using (var doc = JsonDocument.Parse(refused.StandardOutput))
        {
            Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal("compliance report", doc.RootElement.GetProperty("command").GetString());
            Assert.Equal("TKC122", doc.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_tkc001_from_synth_points_at_the_property()
    {
        using var temp = new TempDirectory();
        var text = ConfigWriter.Write(StarterConfig.Create(new StarterOptions
        {
            Pattern = "single-region", Isolation = "schema-per-tenant", Compute = "aws-ecs", Edge = "aws", Compliance = ["soc2"],
        }));
        // dev's deletion protection turned off by hand (init keeps it on under SOC 2).
        var dev = text.IndexOf("  dev:", StringComparison.Ordinal);
        var at = text.IndexOf("deletionProtection: true", dev, StringComparison.Ordinal);
        var config = temp.Write("toolkit.yaml", text[..at] + "deletionProtection: false" + text[(at + "deletionProtection: true".Length)..]);
        var line = text[..at].Count(c => c == '\n') + 1;

        var result = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "dev", "--out", "out", "--json");

        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var tkc = doc.RootElement.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "TKC001");
        Assert.Equal(line, tkc.GetProperty("line").GetInt32());
        Assert.Contains($"{config}:{line}:{tkc.GetProperty("column").GetInt32()}: error TKC001", result.StandardError);
    }
}
