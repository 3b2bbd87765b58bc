using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests;

/// <summary>
/// Synthesized files compared byte for byte with approved copies under Golden/COMBINATION/. To re-approve after
/// an intended change: <c>TOOLKIT_APPROVE=1 dotnet test tests/Toolkit.Stacks.Tests --filter GoldenSpecs</c>,
/// then review the diff with <c>git diff tests/Toolkit.Stacks.Tests/Golden</c> before committing.
/// </summary>
public sealed class GoldenSpecs
{
    public static TheoryData<string> Approved => new(
        "single-region.rls.aws-ecs.aws",
        "multi-region.schema-per-tenant.aws-ecs.cloudflare",
        "blue-green.db-per-tenant.kubernetes.cloudflare",
        "blue-green.rls.kubernetes.aws");

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Approved))]
    public async Task I_can_see_exactly_what_a_combination_synthesizes(string id)
    {
        var combination = Combination.All.Single(c => c.Id == id);
        var result = await Task.Run(() => new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(combination.SampleConfig(), "prod"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var directory = RepositoryRoot.Combine("tests", "Toolkit.Stacks.Tests", "Golden", id);
        var approve = Environment.GetEnvironmentVariable("TOOLKIT_APPROVE") == "1";
        foreach (var file in result.Files)
        {
            var path = Path.Combine(directory, file.Path);
            if (approve)
            {
                Directory.CreateDirectory(directory);
                await File.WriteAllTextAsync(path, file.Content);
                continue;
            }
            Assert.True(File.Exists(path), $"No approved file {path}; run with TOOLKIT_APPROVE=1 and review the diff.");
            Assert.Equal(await File.ReadAllTextAsync(path), file.Content);
        }
    }
}
