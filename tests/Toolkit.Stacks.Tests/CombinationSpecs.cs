using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Tests;

public sealed class CombinationSpecs
{
    public static TheoryData<string> Combinations => new(Combination.All.Select(c => c.Id));

    private static Combination Find(string id) => Combination.All.Single(c => c.Id == id);

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Combinations))]
    public async Task I_can_synthesize_every_combination_against_the_embedded_schemas(string id)
    {
        var config = Find(id).SampleConfig();

        var result = await Task.Run(() => new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(config, "prod"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        Assert.Equal(["Pulumi.yaml", "Main.yaml", "Pulumi.prod.yaml"], result.Files.Select(f => f.Path));
    }
}
