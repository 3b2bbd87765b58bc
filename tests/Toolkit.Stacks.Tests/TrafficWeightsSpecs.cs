using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Stacks.Tests;

/// <summary>A blue-green shift is stack config: the weights are declared keys, resources only read them.</summary>
public sealed class TrafficWeightsSpecs
{
    [Fact]
    public void I_can_get_the_config_values_for_a_green_percentage()
    {
        var values = TrafficWeights.ConfigValues("acme", 10);

        Assert.Equal(
        [
            new("acme:blueWeight", "90"), new("acme:greenWeight", "10"),
            new("acme:blueOriginWeight", "0.90"), new("acme:greenOriginWeight", "0.10"),
        ], values);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrafficWeights.ConfigValues(101));
    }

    [Theory]
    [InlineData("aws-ecs", "aws")]
    [InlineData("aws-ecs", "cloudflare")]
    [InlineData("kubernetes", "aws")]
    [InlineData("kubernetes", "cloudflare")]
    public void I_can_shift_traffic_without_changing_a_resource(string compute, string edge)
    {
        var config = new Combination(DeploymentPattern.BlueGreen, IsolationLevel.Rls, compute, edge).SampleConfig();

        var program = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(config, "prod").Program!;

        foreach (var key in TrafficWeights.Keys) Assert.Contains(program.Config, c => c.Key == key);
        var main = Synthesis.ProgramEmitter.MainFile(program);
        var readers = edge == "cloudflare" ? new[] { "${blueOriginWeight}", "${greenOriginWeight}" } : compute == "aws-ecs" ? ["${blueWeight}", "${greenWeight}"] : ["${blueWeight}", "${greenWeight}"];
        foreach (var reference in readers) Assert.Contains(reference, main);
        Assert.Contains(program.Outputs, o => o.Name == "blueEndpoints");
        Assert.Contains(program.Outputs, o => o.Name == "greenEndpoints");
        Assert.DoesNotContain(program.Settings, s => TrafficWeights.Keys.Contains(s.Key));
    }
}
