using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Rewriters;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>The code rewriters against before/after fixtures, with the app's real references, each run twice.</summary>
[Collection(AppReferencesCollection.Name)]
public sealed class RewriterSpecs(AppReferencesFixture app)
{
    [Fact(Timeout = 60_000)]
    public Task I_can_build_s3_clients_for_r2_and_see_unsupported_calls_as_manual_steps() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(S3ClientToR2.RecipeName), "S3ClientToR2/client", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_point_neon_connection_strings_at_the_supabase_pooler() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(NeonToSupabaseConnectionStrings.RecipeName), "NeonToSupabaseConnectionStrings/settings", app.References,
            new Dictionary<string, string> { ["supabase.projectRef"] = "abcdefghijklmnopqrst" }));

    [Fact(Timeout = 60_000)]
    public Task I_can_see_neon_strings_kept_in_user_secrets_environment_variables_and_urls_listed() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(NeonToSupabaseConnectionStrings.RecipeName), "NeonToSupabaseConnectionStrings/outside-settings", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_point_supabase_connection_strings_back_at_neon() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(SupabaseToNeonConnectionStrings.RecipeName), "SupabaseToNeonConnectionStrings/settings", app.References,
            new Dictionary<string, string> { ["neon.endpoint"] = "ep-cool-darkness-123456" }));

    [Fact(Timeout = 60_000)]
    public Task I_can_build_r2_clients_for_s3_again() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(R2ClientToS3.RecipeName), "R2ClientToS3/client", app.References));
}

/// <summary>The S3 rewriter on the shapes real apps build clients in, bound against AWSSDK.S3 and its DI helpers.</summary>
public sealed class S3RewriterSpecs(S3AppReferencesFixture app) : IClassFixture<S3AppReferencesFixture>
{
    private static IRecipe S3() => RecipeFixture.Recipe(S3ClientToR2.RecipeName);

    [Fact(Timeout = 60_000)]
    public Task I_can_build_a_client_with_its_own_config_for_r2_without_configuration_in_scope() => Task.Run(() =>
        RecipeFixture.Verify(S3(), "S3ClientToR2/own-config", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_move_clients_registered_with_add_aws_service_and_factories_to_r2() => Task.Run(() =>
        RecipeFixture.Verify(S3(), "S3ClientToR2/dependency-injection", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_give_a_transfer_utility_that_makes_its_own_client_an_r2_client() => Task.Run(() =>
        RecipeFixture.Verify(S3(), "S3ClientToR2/transfer-utility", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_read_the_r2_account_from_the_root_configuration_when_a_section_is_in_a_local() => Task.Run(() =>
        RecipeFixture.Verify(S3(), "S3ClientToR2/configuration-section", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_see_which_injected_client_nothing_in_the_project_creates() => Task.Run(() =>
        RecipeFixture.Verify(S3(), "S3ClientToR2/injected-only", app.References));

    [Fact(Timeout = 60_000)]
    public async Task I_can_rewrite_a_file_that_mixes_line_endings_and_keep_each_line_s_own()
    {
        await Task.Yield();
        string[] head = ["using Amazon;\r\n", "using Amazon.S3;\n", "\r\n", "namespace App;\n", "\n", "public static class Factory\r\n", "{\r\n"];
        const string client = "    public static IAmazonS3 Create() => new AmazonS3Client(\"key\", \"secret\", RegionEndpoint.EUWest1);\r\n";
        var before = string.Concat(head) + client + "}\n";

        var after = Assert.Single(RecipeFixture.Run(S3(), new Dictionary<string, string> { ["Factory.cs"] = before }, app.References).Edits).After!;

        Assert.StartsWith(string.Concat(head), after);
        Assert.EndsWith(");\r\n}\n", after);
        var rewritten = after[string.Concat(head).Length..^"}\n".Length];
        Assert.Equal(9, rewritten.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // the client, now nine lines...
        Assert.DoesNotContain("\n", rewritten.Replace("\r\n", "", StringComparison.Ordinal)); // ...each ending as the line it replaced
    }
}
