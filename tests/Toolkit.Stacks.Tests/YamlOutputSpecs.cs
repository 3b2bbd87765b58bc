using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;
using Toolkit.Testing;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Tests;

/// <summary>The written YAML reads back as the program it came from, and every example stack synthesizes.</summary>
public sealed class YamlOutputSpecs
{
    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_read_every_combination_back_with_a_yaml_parser()
    {
        await Task.Run(() =>
        {
            foreach (var combination in Combination.All)
            {
                var result = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(combination.SampleConfig(), "prod");
                var main = Parse(result.File("Main.yaml"));

                var resources = (YamlMappingNode)main["resources"];
                Assert.Equal(result.Program!.Resources.Select(r => r.Name), resources.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
                foreach (var r in result.Program.Resources)
                    Assert.Equal(r.Type, ((YamlScalarNode)((YamlMappingNode)resources[r.Name])["type"]).Value);
                Assert.Equal("yaml", ((YamlScalarNode)Parse(result.File("Pulumi.yaml"))["runtime"]).Value);
            }
        });
    }

    [Fact]
    public void I_can_write_awkward_strings_safely()
    {
        var program = new PulumiProgram
        {
            ProjectName = "p",
            StackName = "s",
            Resources = [new Resource("r", "random:index/randomPassword:RandomPassword", Expr.Map(
                ("a", "yes"), ("b", "123"), ("c", "x: y # z"), ("d", "line\nbreak \"quoted\""), ("e", "cost ${literal}"), ("f", ""),
                ("g", Expr.Format("https://${r.result}/x"))))],
        };

        var properties = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Parse(ProgramEmitter.MainFile(program))["resources"])["r"])["properties"];

        string Read(string key) => ((YamlScalarNode)properties[key]).Value!;
        Assert.Equal("yes", Read("a"));
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)properties["a"]).Style);
        Assert.Equal("123", Read("b"));
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)properties["b"]).Style);
        Assert.Equal("x: y # z", Read("c"));
        Assert.Equal("line\nbreak \"quoted\"", Read("d"));
        Assert.Equal("cost $${literal}", Read("e"));
        Assert.Equal("", Read("f"));
        Assert.Equal("https://${r.result}/x", Read("g"));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("toolkit.yaml")]
    [InlineData("kubernetes-multi-region.yaml")]
    [InlineData("hipaa-db-per-tenant.yaml")]
    public async Task I_can_synthesize_every_stack_of_the_examples(string example)
    {
        var config = ConfigLoader.Load(RepositoryRoot.Combine("examples", example));

        await Task.Run(() =>
        {
            foreach (var stack in config.Stacks)
            {
                var result = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(config, stack.Name);
                Assert.True(result.Succeeded, $"{example} {stack.Name}:\n" + string.Join("\n", result.Diagnostics));
            }
        });
    }
}
