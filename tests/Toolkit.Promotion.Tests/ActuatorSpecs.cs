using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Actuators.Pulumi;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Promotion.Tests;

/// <summary>What the targets read and write, apart from running their tools.</summary>
public sealed class ActuatorSpecs
{
    [Theory]
    [InlineData("""{"greenEndpoints": {"us-east-1": "https://green-us-east-1.acme.com", "eu-west-1": "https://green-eu-west-1.acme.com"}}""", "https://green-eu-west-1.acme.com/,https://green-us-east-1.acme.com/")]
    [InlineData("""{"greenEndpoints": ["https://a.example/", "b.example"]}""", "https://a.example/,https://b.example/")]
    [InlineData("""{"greenEndpoints": "http://10.0.0.5:8080"}""", "http://10.0.0.5:8080/")]
    public void I_can_read_green_endpoints_from_the_stack_outputs(string json, string expected)
    {
        Assert.Equal(expected, string.Join(",", PulumiActuator.ParseEndpoints(json, "greenEndpoints")));
    }

    [Fact]
    public void I_can_see_a_stack_without_green_endpoints_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PulumiActuator.ParseEndpoints("""{"appEndpoint": "x"}""", "greenEndpoints"));
        Assert.Contains("the stack has no output 'greenEndpoints'", error.Message);
    }

    [Fact]
    public void I_can_get_the_pulumi_weight_keys_for_a_split_from_the_stacks()
    {
        // The pulumi target sets exactly these with `pulumi config set`, in this order.
        Assert.Equal(
            ["blueWeight=90", "greenWeight=10", "blueOriginWeight=0.90", "greenOriginWeight=0.10"],
            TrafficWeights.ConfigValues(new TrafficSplit(10).GreenPercent).Select(kv => $"{kv.Key}={kv.Value}"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void I_can_not_make_a_split_outside_0_to_100(int green)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrafficSplit(green));
    }
}
