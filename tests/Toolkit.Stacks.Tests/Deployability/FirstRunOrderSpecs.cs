using System.Text.RegularExpressions;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Deployability;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Platforms.Aws;
using Toolkit.Stacks.Synthesis;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests.Deployability;

/// <summary>
/// The first-run orders in docs/stacks.md are the program's own: each listed resource exists in the program and
/// waits (through inputs, dependsOn, parent or provider) for the one listed before it.
/// </summary>
public sealed partial class FirstRunOrderSpecs
{
    private static readonly string Docs = File.ReadAllText(RepositoryRoot.Combine("docs", "stacks.md"));

    [GeneratedRegex(@"<!-- first-run-order: (?<combo>\S+)(?<create> create-zone)? -->\n(?<body>.*?)<!-- end -->", RegexOptions.Singleline)]
    private static partial Regex OrderBlock();

    [GeneratedRegex(@"^\d+\. `(?<name>[^`]+)`", RegexOptions.Multiline)]
    private static partial Regex Step();

    public static TheoryData<int> Blocks => new(Enumerable.Range(0, OrderBlock().Matches(Docs).Count));

    [Fact]
    public void I_can_read_first_run_orders_for_each_compute_and_edge()
    {
        var combos = OrderBlock().Matches(Docs).Select(m => m.Groups["combo"].Value).ToList();

        Assert.True(combos.Count >= 5);
        Assert.Contains(combos, c => c.Contains("kubernetes", StringComparison.Ordinal));
        Assert.Contains(combos, c => c.Contains("aws-ecs", StringComparison.Ordinal));
        Assert.Contains(OrderBlock().Matches(Docs), m => m.Groups["create"].Success);
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Blocks))]
    public async Task I_can_trust_the_documented_first_run_order(int block)
    {
        var match = OrderBlock().Matches(Docs)[block];
        var combination = Combination.All.Single(c => c.Id == match.Groups["combo"].Value);
        var config = combination.SampleConfig();
        if (match.Groups["create"].Success) config = config with { Deployment = config.Deployment with { HostedZone = HostedZoneMode.Create } };
        var context = SynthesisContext.For(config, config.Stacks[0]);
        var facts = await Task.Run(() => new ProgramFacts(context, PlatformStack.Define(context).Program));
        var steps = Step().Matches(match.Groups["body"].Value).Select(m => m.Groups["name"].Value).ToList();

        Assert.True(steps.Count >= 3, $"block {block} lists {steps.Count} steps");
        Assert.All(steps, s => Assert.True(facts.Find(s) is not null, $"'{s}' is not a resource of {combination.Id}"));
        for (var i = 1; i < steps.Count; i++)
            Assert.True(facts.WaitsFor(steps[i], steps[i - 1]), $"{combination.Id}: '{steps[i]}' does not wait for '{steps[i - 1]}'");
    }

    [Fact]
    public void I_can_see_a_wrong_order_refused()
    {
        var config = Combination.All.Single(c => c.Id == "single-region.rls.aws-ecs.aws").SampleConfig();
        var context = SynthesisContext.For(config, config.Stacks[0]);
        var facts = new ProgramFacts(context, PlatformStack.Define(context).Program);

        Assert.True(facts.WaitsFor("svc-app-us-east-1", "cert-us-east-1-record"));
        Assert.False(facts.WaitsFor("cert-us-east-1-record", "svc-app-us-east-1"));
        Assert.False(facts.WaitsFor("main-us-east-1", "svc-app-us-east-1"));
    }

    [Fact]
    public void I_can_target_the_zone_by_the_urn_the_docs_give()
    {
        var config = Combination.All[0].SampleConfig();
        var urn = $"urn:pulumi:{config.Stacks[0].Name}::{config.Project.Slug}::aws:route53/zone:Zone::{Route53Edge.ZoneResource}";

        Assert.Contains($"`urn:pulumi:prod::acme::aws:route53/zone:Zone::{Route53Edge.ZoneResource}`", Docs);
        Assert.Equal("urn:pulumi:prod::acme::aws:route53/zone:Zone::zone", urn);
        Assert.Contains($"pulumi stack output {Route53Edge.NameServersOutput}", Docs);
    }
}
