using Toolkit.Testing;
using Toolkit.Transforms.Swaps;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>Each swap, applied to the example app, leaves an app that builds against the real target packages.</summary>
public sealed class SwapCompileSpecs
{
    [Fact(Timeout = 240_000)]
    public async Task I_can_build_the_example_app_as_it_is()
    {
        using var app = new TempDirectory("saas-app");
        ExampleApp.CopyTo(app);

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
    }

    [Theory(Timeout = 240_000)]
    [InlineData("ai:openai=anthropic")]
    [InlineData("storage:s3=r2")]
    [InlineData("database:neon=supabase")]
    public async Task I_can_apply_a_swap_to_the_example_app_and_it_still_builds(string swapId)
    {
        using var app = new TempDirectory("saas-app");
        ExampleApp.CopyTo(app);
        var result = SwapCatalog.Find(swapId).Plan(new SwapContext(app.Path));
        Assert.NotEmpty(result.Edits);

        ExampleApp.Apply(result, app.Path);
        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, string.Join("\n\n", result.Edits.Select(e => $"--- {e.RelativePath}\n{e.After}")) + "\n" + build.StandardOutput + build.StandardError);
        // Idempotence on disk: planning the swapped app again changes nothing.
        Assert.Empty(SwapCatalog.Find(swapId).Plan(new SwapContext(app.Path)).Edits);
    }
}
