using System.Text.Json;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests.Configuration;

public class ValidateCommandSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task I_can_validate_every_shipped_example_with_exit_code_zero()
    {
        foreach (var example in Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var result = await ToolkitCli.RunAsync(RepositoryRoot.Path, "validate", "--config", example);

            Assert.True(result.ExitCode == 0, $"{example}: {result.StandardError}{result.StandardOutput}");
            Assert.Contains(": valid", result.StandardOutput);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_see_all_errors_with_file_line_and_column_and_exit_code_one()
    {
        using var dir = new TempDirectory("toolkit-validate");
        var text = SampleConfig.Yaml.Replace("  database: aws-aurora", "  database: mysql", StringComparison.Ordinal)
            .Replace("    subdomain: beta", "    subdomain: alpha", StringComparison.Ordinal);
        dir.Write("toolkit.yaml", text);
        var before = dir.Snapshot();

        var result = await ToolkitCli.RunAsync(dir.Path, "validate", "--config", "toolkit.yaml");

        Assert.Equal(1, result.ExitCode);
        var option = SampleConfig.Position(text, "mysql");
        var duplicate = SampleConfig.Position(text, "alpha\nstacks");
        Assert.Contains($"toolkit.yaml:{option.Line}:{option.Column}: error TK1006: unknown database option 'mysql'", result.StandardError);
        Assert.Contains($"toolkit.yaml:{duplicate.Line}:{duplicate.Column}: error TK1010: duplicate tenant subdomain 'alpha'", result.StandardError);
        Assert.Contains("2 error(s)", result.StandardOutput);
        Assert.Equal(before, dir.Snapshot());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_pass_a_config_with_warnings_only_when_I_allow_them()
    {
        using var dir = new TempDirectory("toolkit-validate");
        dir.Write("toolkit.yaml", SampleConfig.With("  database: aws-aurora", "  database: neon").Replace("pattern: blue-green", "pattern: multi-region", StringComparison.Ordinal)
            .Replace("regions: [us-east-1]\n  domain", "regions: [us-east-1, us-west-2]\n  domain", StringComparison.Ordinal));

        var strict = await ToolkitCli.RunAsync(dir.Path, "validate", "--config", "toolkit.yaml");
        var allowed = await ToolkitCli.RunAsync(dir.Path, "validate", "--config", "toolkit.yaml", "--allow-warnings");

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("warning TK2002:", strict.StandardError);
        Assert.Contains("suggestion: Use aws-aurora (Aurora global database) for multi-region", strict.StandardError);
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_read_findings_as_json()
    {
        using var dir = new TempDirectory("toolkit-validate");
        dir.Write("toolkit.yaml", SampleConfig.With("frameworks: [soc2]", "frameworks: [soc2, hipa]"));

        var result = await ToolkitCli.RunAsync(dir.Path, "validate", "--config", "toolkit.yaml", "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        var finding = root.GetProperty("diagnostics")[0];
        Assert.Equal("TK1007", finding.GetProperty("code").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(SampleConfig.Position(SampleConfig.With("frameworks: [soc2]", "frameworks: [soc2, hipa]"), "hipa]").Line, finding.GetProperty("line").GetInt32());
        Assert.Contains("did you mean 'hipaa'", finding.GetProperty("message").GetString());
    }
}
