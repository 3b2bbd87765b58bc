using Toolkit.Stacks.Configuration;
using Toolkit.Testing;

namespace Toolkit.Compliance.Tests;

/// <summary>
/// The shipped examples are what users copy first: every stack of every example must pass the real
/// <c>toolkit synth</c>, compliance policy included, and write its program.
/// </summary>
public class ExampleSpecs
{
    public static TheoryData<string, string> ExampleStacks()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.yaml").Order(StringComparer.Ordinal))
            foreach (var stack in ConfigLoader.Load(file).Stacks)
                data.Add(Path.GetFileName(file), stack.Name);
        return data;
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExampleStacks))]
    public async Task I_can_synthesize_every_stack_of_every_shipped_example_with_its_compliance_controls_passing(string example, string stack)
    {
        using var temp = new TempDirectory("toolkit-example");

        var result = await ToolkitCli.RunAsync(temp.Path, "synth", "--config", RepositoryRoot.Combine("examples", example), "--stack", stack, "--out", "out");

        Assert.True(result.ExitCode == 0, $"{example} --stack {stack}: exit {result.ExitCode}\n{result.StandardError}");
        Assert.True(File.Exists(temp.Combine("out", "Main.yaml")));
        Assert.True(File.Exists(temp.Combine("out", $"Pulumi.{stack}.yaml")));
    }
}
