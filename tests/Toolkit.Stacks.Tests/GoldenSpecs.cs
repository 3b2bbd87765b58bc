using Toolkit.Stacks.Configuration;
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

    /// <summary>Services chosen per approved combination: the AWS-provisioned ones on two, ones the user brings on a third.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Services = new(StringComparer.Ordinal)
    {
        ["single-region.rls.aws-ecs.aws"] = new() { ["cache"] = "redis", ["email"] = "aws-ses", ["auth"] = "aws-cognito", ["ai"] = "aws-bedrock", ["errorTracking"] = "sentry" },
        ["blue-green.db-per-tenant.kubernetes.cloudflare"] = new() { ["cache"] = "redis", ["email"] = "aws-ses", ["auth"] = "aws-cognito", ["ai"] = "aws-bedrock", ["errorTracking"] = "sentry" },
        ["multi-region.schema-per-tenant.aws-ecs.cloudflare"] = new() { ["cache"] = "upstash", ["email"] = "postmark", ["auth"] = "clerk", ["ai"] = "anthropic" },
    };

    private static ToolkitConfig WithServices(string id, ToolkitConfig config)
    {
        if (!Services.TryGetValue(id, out var services)) return config;
        var chosen = new Dictionary<string, string>(config.Technologies.ByCategory, StringComparer.Ordinal);
        foreach (var (category, option) in services) chosen[category] = option;
        return config with { Technologies = new TechnologyChoices(chosen) };
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Approved))]
    public async Task I_can_see_exactly_what_a_combination_synthesizes(string id)
    {
        var combination = Combination.All.Single(c => c.Id == id);
        var result = await Task.Run(() => new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(WithServices(id, combination.SampleConfig()), "prod"));
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
