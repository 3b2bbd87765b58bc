using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Rewriters;
using Toolkit.Transforms.Rewriters.OpenAi;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>The code rewriters against before/after fixtures, with the app's real references, each run twice.</summary>
[Collection(AppReferencesCollection.Name)]
public sealed class RewriterSpecs(AppReferencesFixture app)
{
    private static IRecipe OpenAi() => RecipeFixture.Recipe(OpenAiChatToAnthropic.RecipeName, maps: new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["models"] = new Dictionary<string, string> { ["gpt-4o-mini"] = "claude-haiku-4-5", ["gpt-4.1"] = "claude-sonnet-4-5" },
    });

    [Fact(Timeout = 60_000)]
    public Task I_can_move_a_chat_client_field_and_its_completion_call_to_anthropic_messages() => Task.Run(() =>
        RecipeFixture.Verify(OpenAi(), "OpenAiChatToAnthropic/field", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_move_a_local_chat_client_with_a_conversation_and_a_client_result_to_anthropic() => Task.Run(() =>
        RecipeFixture.Verify(OpenAi(), "OpenAiChatToAnthropic/local", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_trust_the_ai_rewriter_to_leave_a_file_it_cannot_fully_port_unchanged_with_manual_steps() => Task.Run(() =>
        RecipeFixture.Verify(OpenAi(), "OpenAiChatToAnthropic/unsupported", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_trust_the_ai_rewriter_to_see_openai_members_a_subclass_names_without_a_dot() => Task.Run(() =>
        RecipeFixture.Verify(OpenAi(), "OpenAiChatToAnthropic/inherited", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_trust_the_ai_rewriter_to_see_openai_methods_imported_with_using_static() => Task.Run(() =>
        RecipeFixture.Verify(OpenAi(), "OpenAiChatToAnthropic/static-import", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_build_s3_clients_for_r2_and_see_unsupported_calls_as_manual_steps() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(S3ClientToR2.RecipeName), "S3ClientToR2/client", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_point_neon_connection_strings_at_the_supabase_pooler() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(NeonToSupabaseConnectionStrings.RecipeName), "NeonToSupabaseConnectionStrings/settings", app.References,
            new Dictionary<string, string> { ["supabase.projectRef"] = "abcdefghijklmnopqrst" }));

    [Fact(Timeout = 60_000)]
    public async Task I_can_rewrite_a_file_with_windows_line_ends_and_keep_them()
    {
        await Task.Yield();
        var folder = RecipeFixture.Folder("OpenAiChatToAnthropic/field");
        string CrLf(string file) => File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal);
        var before = new Dictionary<string, string> { ["AssistantService.cs"] = CrLf(Path.Combine(folder, "before", "AssistantService.cs")) };

        var result = RecipeFixture.Run(OpenAi(), before, app.References);

        Assert.Equal(CrLf(Path.Combine(folder, "after", "AssistantService.cs")), Assert.Single(result.Edits).After);
    }
}
