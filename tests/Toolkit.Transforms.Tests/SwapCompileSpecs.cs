using Toolkit.Testing;
using Toolkit.Transforms.Swaps;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// Each swap, applied to the example app, leaves an app that builds with the real <c>dotnet build</c>
/// against the real target packages (warnings as errors, so no obsolete API slips in). One class per
/// build so xunit runs them side by side.
/// </summary>
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

    /// <summary>
    /// Plans <paramref name="swapId"/> on a copy of the example app, applies it, adds a rewriter
    /// fixture's expected output (so it is proven to compile too), builds, and plans again to show
    /// the swapped app needs no further change.
    /// </summary>
    internal static async Task SwapAndBuild(string swapId, string? fixtureOutput)
    {
        using var app = new TempDirectory("saas-app");
        ExampleApp.CopyTo(app);
        var result = SwapCatalog.Find(swapId).Plan(new SwapContext(app.Path));
        Assert.NotEmpty(result.Edits);

        ExampleApp.Apply(result, app.Path);
        if (fixtureOutput is not null)
            app.Write(Path.Combine("Fixtures", Path.GetFileName(fixtureOutput)), File.ReadAllText(Path.Combine(RecipeFixture.Folder(""), fixtureOutput)));
        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, string.Join("\n\n", result.Edits.Select(e => $"--- {e.RelativePath}\n{e.After}")) + "\n" + build.StandardOutput + build.StandardError);
        Assert.Empty(SwapCatalog.Find(swapId).Plan(new SwapContext(app.Path)).Edits);
    }
}

/// <summary>ai:openai=anthropic builds against Anthropic 13.14.0 and Microsoft.Extensions.AI 10.11.0.</summary>
public sealed class AiSwapCompileSpecs
{
    [Fact(Timeout = 240_000)]
    public Task I_can_swap_openai_for_anthropic_and_the_app_still_builds() =>
        SwapCompileSpecs.SwapAndBuild("ai:openai=anthropic", "OpenAiChatToChatClient/streaming/after/Conversation.cs");
}

/// <summary>storage:s3=r2 builds against AWSSDK.S3 4.0.102.5.</summary>
public sealed class StorageSwapCompileSpecs
{
    [Fact(Timeout = 240_000)]
    public Task I_can_swap_s3_for_r2_and_the_app_still_builds() =>
        SwapCompileSpecs.SwapAndBuild("storage:s3=r2", "S3ClientToR2/client/after/Blobs.cs");
}

/// <summary>storage:r2=s3 takes the swapped example app back to AWS S3, and it still builds.</summary>
public sealed class StorageReverseSwapCompileSpecs
{
    [Fact(Timeout = 240_000)]
    public async Task I_can_swap_s3_for_r2_and_back_and_the_app_still_builds()
    {
        using var app = new TempDirectory("saas-app");
        ExampleApp.CopyTo(app);
        ExampleApp.Apply(SwapCatalog.Find("storage:s3=r2").Plan(new SwapContext(app.Path)), app.Path);
        var back = SwapCatalog.Find("storage:r2=s3").Plan(new SwapContext(app.Path));
        Assert.Contains(back.Edits, e => e.RelativePath == "Services/DocumentStore.cs" && e.After!.Contains("RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(configuration[\"Storage:Region\"]", StringComparison.Ordinal));
        ExampleApp.Apply(back, app.Path);

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
        Assert.DoesNotContain("r2.cloudflarestorage.com", File.ReadAllText(Path.Combine(app.Path, "Services", "DocumentStore.cs")));
        Assert.Empty(SwapCatalog.Find("storage:r2=s3").Plan(new SwapContext(app.Path)).Edits);
    }
}

/// <summary>database:neon=supabase builds against Npgsql 10.0.0.</summary>
public sealed class DatabaseSwapCompileSpecs
{
    [Fact(Timeout = 240_000)]
    public Task I_can_swap_neon_for_supabase_and_the_app_still_builds() =>
        SwapCompileSpecs.SwapAndBuild("database:neon=supabase", null);
}

/// <summary>
/// Every S3 rewriter fixture's expected output builds against AWSSDK.S3 and its DI helpers with the real
/// <c>dotnet build</c> (warnings as errors), so no rewrite the fixtures approve is code that does not compile.
/// </summary>
public sealed class S3FixturesCompileSpecs
{
    [Fact(Timeout = 240_000)]
    public async Task I_can_build_every_s3_fixture_after_the_rewrite()
    {
        using var app = new TempDirectory("s3-fixtures");
        app.Write("S3App.csproj", S3AppReferencesFixture.Project);
        app.Write("Directory.Build.props", "<Project />\n");
        app.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        foreach (var fixture in Directory.EnumerateDirectories(RecipeFixture.Folder("S3ClientToR2"))
                     .Concat(Directory.EnumerateDirectories(RecipeFixture.Folder("R2ClientToS3"))).Order(StringComparer.Ordinal))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(fixture, "before"), "*.cs"))
            {
                var after = Path.Combine(fixture, "after", Path.GetFileName(file));
                app.Write(Path.Combine(Path.GetFileName(fixture), Path.GetFileName(file)), File.ReadAllText(File.Exists(after) ? after : file));
            }

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
    }
}
