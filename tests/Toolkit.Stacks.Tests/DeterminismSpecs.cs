using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Tests;

public sealed class DeterminismSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task I_get_byte_identical_files_from_two_runs_of_every_combination()
    {
        await Task.Run(() =>
        {
            foreach (var combination in Combination.All)
            {
                var first = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(combination.SampleConfig(), "prod");
                var second = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(combination.SampleConfig(), "prod");

                Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
                foreach (var (a, b) in first.Files.Zip(second.Files)) Assert.Equal(a.Content, b.Content);
                Assert.All(first.Files, f => Assert.DoesNotContain('\r', f.Content));
            }
        });
    }
}
