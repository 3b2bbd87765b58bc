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
}
