using System.Text.Json;
using Toolkit.Testing;

namespace Toolkit.Cost.Tests;

/// <summary>The cost verb and the preview figure, run as the real toolkit binary on the example platforms.</summary>
public sealed class CostCliSpecs
{
    private static readonly string Example = RepositoryRoot.Combine("examples", "toolkit.yaml");

    [Fact(Timeout = 180_000)]
    public async Task Json_keeps_the_contract_ci_relies_on()
    {
        var run = await ToolkitCli.RunAsync(null, "cost", "--config", Example, "--stack", "dev", "--json", "--users", "1000,10000");
        Assert.True(run.ExitCode == 0, run.StandardError);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        var root = doc.RootElement;
        var scales = root.GetProperty("scales").EnumerateArray().ToList();
        Assert.Equal([1000L, 10000L], scales.Select(s => s.GetProperty("users").GetInt64()));
        foreach (var scale in scales)
        {
            var byCategory = scale.GetProperty("byCategory").EnumerateObject().ToList();
            Assert.Equal(["compute", "database", "network", "storage", "security", "observability", "edge", "services"], byCategory.Select(c => c.Name));
            Assert.Equal(scale.GetProperty("monthlyUsd").GetDecimal(), byCategory.Sum(c => c.Value.GetDecimal()), 1);
        }
        var line = root.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("type").GetString() == "aws:rds/clusterInstance:ClusterInstance");
        foreach (var key in new[] { "resource", "type", "region", "monthlyUsd" }) Assert.True(line.TryGetProperty(key, out _), key);
        var price = line.GetProperty("price");
        Assert.Equal("instance-hour", price.GetProperty("unit").GetString());
        Assert.StartsWith("https://", price.GetProperty("source").GetString());
        Assert.Equal("2026-12-01", price.GetProperty("asOf").GetString());
        Assert.True(price.GetProperty("usd").GetDecimal() > 0);
        Assert.Contains(root.GetProperty("unpriced").EnumerateArray(), u => u.GetProperty("type").GetString() == "aws:ec2/vpc:Vpc");
    }

    [Fact(Timeout = 180_000)]
    public async Task Max_monthly_gates_ci_on_the_first_scale()
    {
        var under = await ToolkitCli.RunAsync(null, "cost", "--config", Example, "--stack", "dev", "--users", "1000", "--max-monthly", "1000000");
        var over = await ToolkitCli.RunAsync(null, "cost", "--config", Example, "--stack", "dev", "--users", "1000,100000", "--max-monthly", "10");
        Assert.True(under.ExitCode == 0, under.StandardError);
        Assert.Equal(1, over.ExitCode);
        Assert.Contains("above --max-monthly $10.00", over.StandardError);
        Assert.Contains("1,000 users", over.StandardError);
    }

    [Fact(Timeout = 180_000)]
    public async Task Compare_shows_two_configurations_side_by_side()
    {
        using var temp = new TempDirectory();
        var rls = temp.Write("rls.yaml", File.ReadAllText(Example).Replace("isolation: schema-per-tenant", "isolation: rls"));
        var own = temp.Write("own.yaml", File.ReadAllText(Example).Replace("isolation: schema-per-tenant", "isolation: db-per-tenant"));
        var run = await ToolkitCli.RunAsync(null, "cost", "--config", rls, "--stack", "prod", "--compare", own, "--users", "1000");
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("A = " + rls, run.StandardOutput);
        Assert.Contains("db-per-tenant", run.StandardOutput);
        var total = run.StandardOutput.Split('\n').Single(l => l.TrimStart().StartsWith("total", StringComparison.Ordinal));
        Assert.Contains("+$", total); // five tenant clusters cost more than one shared one
    }

    [Fact(Timeout = 180_000)]
    public async Task Bad_input_is_a_located_error_and_exit_1()
    {
        using var temp = new TempDirectory();
        var prices = temp.Write("prices.yaml", "version: 1\nhoursPerMonth: 730\nregions: [us-east-1]\nitems:\n  - id: x\n    unit: hour\n    usd: -3\n    regions: [us-east-1]\n    source: https://example.com\n    asOf: 2026-12-01\n");
        var badPrices = await ToolkitCli.RunAsync(null, "cost", "--config", Example, "--stack", "dev", "--prices", prices);
        Assert.Equal(1, badPrices.ExitCode);
        Assert.Contains($"{prices}:7:10: error TK1003", badPrices.StandardError);

        var eu = RepositoryRoot.Combine("examples", "kubernetes-multi-region.yaml");
        var unknownRegion = await ToolkitCli.RunAsync(null, "cost", "--config", eu, "--stack", "prod", "--allow-warnings");
        Assert.Equal(1, unknownRegion.ExitCode);
        Assert.Contains("error TK4002: region 'eu-west-1'", unknownRegion.StandardError);
        Assert.Contains("kubernetes-multi-region.yaml:", unknownRegion.StandardError);

        var users = await ToolkitCli.RunAsync(null, "cost", "--config", Example, "--stack", "dev", "--users", "1000,lots");
        Assert.Equal(1, users.ExitCode);
        Assert.Contains("'lots'", users.StandardError);
        Assert.Empty(users.StandardOutput);
    }

    [Fact(Timeout = 180_000)]
    public async Task Cost_assumptions_in_toolkit_yaml_change_the_usage_and_a_bad_one_is_located()
    {
        using var temp = new TempDirectory();
        var heavy = temp.Write("heavy.yaml", File.ReadAllText(Example) + "\ncostAssumptions:\n  egressGbPerUser: 5\n");
        var bad = temp.Write("bad.yaml", File.ReadAllText(Example) + "\ncostAssumptions:\n  egressGbPerUser: lots\n");
        decimal Network(string json) => JsonDocument.Parse(json).RootElement.GetProperty("scales")[0].GetProperty("byCategory").GetProperty("network").GetDecimal();

        var normal = await ToolkitCli.RunAsync(null, "cost", "--config", Example, "--stack", "dev", "--json", "--users", "1000");
        var more = await ToolkitCli.RunAsync(null, "cost", "--config", heavy, "--stack", "dev", "--json", "--users", "1000");
        var refused = await ToolkitCli.RunAsync(null, "cost", "--config", bad, "--stack", "dev");

        Assert.True(Network(more.StandardOutput) > Network(normal.StandardOutput) + 300);
        Assert.Equal(1, refused.ExitCode);
        var line = File.ReadAllLines(bad).ToList().FindIndex(l => l.Contains("lots")) + 1;
        Assert.Contains($"{bad}:{line}:20: error TK1003: 'costAssumptions.egressGbPerUser' must be a number", refused.StandardError);
    }

    [Fact(Timeout = 180_000)]
    public async Task Preview_shows_the_monthly_figure_beside_the_counts()
    {
        var run = await ToolkitCli.RunAsync(null, "preview", "--config", Example, "--stack", "dev");
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Matches(@"^acme-notes/dev: \d+ resources, about \$[\d,]+\.\d\d/month at 1,000 users", run.StandardOutput);
    }
}
