using System.Text.Json;
using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests;

/// <summary>The synth, preview, up and destroy verbs, run as the real toolkit binary.</summary>
public sealed class CliSynthSpecs
{
    // Our own fixture (no compliance framework), so these specs test synth itself whatever policies are registered.
    private static string Example(TempDirectory temp)
    {
        var path = temp.Combine("toolkit.yaml");
        File.Copy(RepositoryRoot.Combine("tests", "Toolkit.Stacks.Tests", "Fixtures", "platform.yaml"), path);
        return path;
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_synthesize_an_example_into_a_directory_with_identical_bytes_each_time()
    {
        using var temp = new TempDirectory();
        var config = Example(temp);

        var first = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out");
        var afterFirst = temp.Snapshot();
        var second = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.True(File.Exists(temp.Combine("out", "Pulumi.yaml")));
        Assert.True(File.Exists(temp.Combine("out", "Main.yaml")));
        Assert.True(File.Exists(temp.Combine("out", "Pulumi.prod.yaml")));
        Assert.Contains("runtime: yaml", await File.ReadAllTextAsync(temp.Combine("out", "Pulumi.yaml")));
        Assert.Equal(afterFirst, temp.Snapshot());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_keep_config_set_with_pulumi_when_synthesizing_again()
    {
        using var temp = new TempDirectory();
        var config = Example(temp);
        await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out");
        var stackFile = temp.Combine("out", "Pulumi.prod.yaml");
        await File.WriteAllTextAsync(stackFile,
            "encryptionsalt: v1:abc\nconfig:\n  acme-notes:greenWeight: \"10\"\n  acme-notes:cloudflareApiToken:\n    secure: v1:xyz\n");

        var again = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out");

        Assert.Equal(0, again.ExitCode);
        var text = await File.ReadAllTextAsync(stackFile);
        Assert.Contains("acme-notes:greenWeight: \"10\"", text);
        Assert.Contains("secure: v1:xyz", text);
        Assert.Contains("encryptionsalt: v1:abc", text);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_am_told_which_config_pulumi_up_still_needs_and_how_to_set_it()
    {
        using var temp = new TempDirectory();
        var config = Example(temp);

        var first = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("pulumi config set --secret cloudflareApiToken VALUE --stack prod", first.StandardOutput);
        Assert.Contains("pulumi config set cloudflareZoneId VALUE --stack prod", first.StandardOutput);

        // Once set (as `pulumi config set` writes it), a key is no longer asked for; the others still are.
        var stackFile = temp.Combine("out", "Pulumi.prod.yaml");
        await File.WriteAllTextAsync(stackFile, "config:\n  acme-notes:cloudflareApiToken:\n    secure: v1:xyz\n");
        var again = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out", "--json");

        Assert.Equal(0, again.ExitCode);
        using var json = JsonDocument.Parse(again.StandardOutput);
        var keys = json.RootElement.GetProperty("unsetConfig").EnumerateArray().Select(k => k.GetProperty("key").GetString()).ToList();
        Assert.DoesNotContain("cloudflareApiToken", keys);
        Assert.Contains("cloudflareZoneId", keys);
        Assert.Equal("pulumi config set cloudflareZoneId VALUE --stack prod",
            json.RootElement.GetProperty("unsetConfig").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "cloudflareZoneId").GetProperty("command").GetString());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_get_nothing_written_when_synth_fails_validation()
    {
        using var temp = new TempDirectory();
        var config = Example(temp);
        // A schema directory without the aws package: every AWS resource fails validation.
        Directory.CreateDirectory(temp.Combine("schemas"));
        File.Copy(Path.Combine(Support.Schemas.EmbeddedDirectory, "random.schema.json.gz"), temp.Combine("schemas", "random.schema.json.gz"));
        var before = temp.Snapshot();

        var result = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out", "--schemas", temp.Combine("schemas"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error TK-SCHEMA-TYPE: resource 'aws-us-east-1' (pulumi:providers:aws): no schema for package 'aws'", result.StandardError);
        Assert.Equal(before, temp.Snapshot());
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact(Timeout = 120_000)]
    public async Task I_get_a_located_error_and_nothing_written_for_an_unknown_stack()
    {
        using var temp = new TempDirectory();
        var config = Example(temp);
        var before = temp.Snapshot();

        var result = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "qa", "--out", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown stack 'qa'", result.StandardError);
        Assert.Equal(before, temp.Snapshot());
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_validate_against_whole_schema_files()
    {
        using var temp = new TempDirectory();
        var config = Example(temp);

        var result = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", config, "--stack", "prod", "--out", "out",
            "--schemas", Support.Schemas.EmbeddedDirectory, "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.True(json.RootElement.GetProperty("resources").GetInt32() > 50);
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_preview_a_stack_by_provider_and_region()
    {
        using var temp = new TempDirectory();
        var config = Example(temp);

        var text = await ToolkitCli.RunAsync(temp.Path, "preview", "--config", config, "--stack", "prod");
        var json = await ToolkitCli.RunAsync(temp.Path, "preview", "--config", config, "--stack", "prod", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("  aws (", text.StandardOutput);
        Assert.Contains("    us-east-1 (", text.StandardOutput);
        using var doc = JsonDocument.Parse(json.StandardOutput);
        var total = doc.RootElement.GetProperty("total").GetInt32();
        var sum = doc.RootElement.GetProperty("providers").EnumerateArray().Sum(p => p.GetProperty("total").GetInt32());
        Assert.Equal(total, sum);
        Assert.Equal(["toolkit.yaml"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("up")]
    [InlineData("destroy")]
    public async Task I_get_exit_3_and_the_program_path_when_pulumi_is_missing(string verb)
    {
        using var temp = new TempDirectory();
        var config = Example(temp);
        var dotnetDirectory = Path.GetDirectoryName(ProcessRunner.FindOnPath("dotnet")!)!;

        var result = await ToolkitCli.RunAsync(temp.Path, new Dictionary<string, string?> { ["PATH"] = dotnetDirectory },
            verb, "--config", config, "--stack", "staging"); // dev turns deletion protection off, which SOC 2 (mandatory in the example) refuses at synth.

        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}: {result.StandardError}");
        Assert.Contains("https://www.pulumi.com/docs/install/", result.StandardError);
        var program = Path.Combine(temp.Path, ".toolkit", "stacks", "staging");
        Assert.Contains(program, result.StandardError);
        Assert.True(File.Exists(Path.Combine(program, "Main.yaml")));
    }
}
