using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// Where the OpenAI chat port meets code it cannot change or cannot see: streamed updates handed to
/// another project, models from packages that are not restored, message types with no role of their
/// own, the app's own namespaces that look like OpenAI's, and the bridge package that follows.
/// </summary>
[Collection(ChatReferencesCollection.Name)]
public sealed class ChatClientBoundarySpecs(ChatReferencesFixture chat)
{
    [Fact(Timeout = 60_000)]
    public async Task I_can_rely_on_the_port_to_stop_when_streamed_updates_leave_the_app_from_where_it_cannot_follow()
    {
        await Task.Yield();
        var files = new Dictionary<string, string>
        {
            ["Feed.cs"] = """
                using OpenAI.Chat;

                namespace ChatApp;

                public sealed class Feed(ChatClient chat)
                {
                    private IEnumerable<StreamingChatCompletionUpdate>? _last;

                    public void Show(string question)
                    {
                        _last = chat.CompleteChatStreaming([new UserChatMessage(question)]);
                        Outside.Screen.Show(_last);
                    }
                }
                """,
        };

        var result = RecipeFixture.Run(ChatClientRewriterSpecs.Port(), files, chat.References);

        Assert.Empty(result.Edits);
        Assert.Contains(result.ManualSteps, s => s.RelativePath == "Feed.cs" && s.Line == 12
            && s.Reason.StartsWith("`_last` (OpenAI streaming updates) goes to `Outside.Screen.Show`, code this port does not change, and where the updates come from could not be followed", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_rely_on_the_port_to_leave_a_client_alone_whose_model_comes_from_a_package_not_restored()
    {
        await Task.Yield();
        var files = new Dictionary<string, string>
        {
            ["Local.cs"] = """
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                namespace ChatApp;

                public static class Local
                {
                    public static string Ask(string question)
                    {
                        var info = Missing.Manager.Model();
                        var client = new OpenAIClient(new ApiKeyCredential("local"));
                        ChatClient chat = client.GetChatClient(info.ModelId);
                        return chat.CompleteChat(question).Value.Content[0].Text;
                    }
                }
                """,
        };

        var result = RecipeFixture.Run(ChatClientRewriterSpecs.Port("ollama"), files, chat.References);

        Assert.Empty(result.Edits);
        Assert.Contains(result.ManualSteps, s => s.RelativePath == "Local.cs" && s.Line == 13
            && s.Reason == "`client.GetChatClient(info.ModelId)` takes its model from `info.ModelId`, which does not bind (its package or project is not among the references restored), so the model the ollama client should use is not known: build the IChatClient by hand, or restore it and plan again.");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_rely_on_the_port_to_stop_at_a_test_for_a_message_type_with_no_role_of_its_own()
    {
        await Task.Yield();
        var files = new Dictionary<string, string>
        {
            ["History.cs"] = """
                using OpenAI.Chat;

                namespace ChatApp;

                public sealed class History(ChatClient chat)
                {
                    public async Task<int> CountAsync(List<ChatMessage> messages)
                    {
                        await chat.CompleteChatAsync(messages);
                        return messages.Count(m => m is DeveloperChatMessage) + messages.OfType<UserChatMessage>().Count();
                    }
                }
                """,
        };

        var result = RecipeFixture.Run(ChatClientRewriterSpecs.Port(), files, chat.References);

        Assert.Empty(result.Edits);
        Assert.Contains(result.ManualSteps, s => s.Line == 10 && s.Reason.StartsWith("`m is DeveloperChatMessage` tests for an OpenAI DeveloperChatMessage, which has no role of its own", StringComparison.Ordinal));
        Assert.Contains(result.ManualSteps, s => s.Line == 10 && s.Reason.StartsWith("`<UserChatMessage>` tests for an OpenAI UserChatMessage; Microsoft.Extensions.AI has one ChatMessage type whose Role (ChatRole.User) tells it apart", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_keep_a_using_of_the_apps_own_namespace_that_starts_with_OpenAI()
    {
        await Task.Yield();
        var files = new Dictionary<string, string>
        {
            ["Helpers.cs"] = """
                namespace OpenAI.Demo;

                public static class Prompts
                {
                    public const string Greeting = "Say hello.";
                }
                """,
            ["Greeter.cs"] = """
                using OpenAI.Chat;
                using OpenAI.Demo;

                namespace ChatApp;

                public sealed class Greeter(ChatClient chat)
                {
                    public async Task<string> GreetAsync() => (await chat.CompleteChatAsync(Prompts.Greeting)).Value.Content[0].Text;
                }
                """,
        };

        var result = RecipeFixture.Run(ChatClientRewriterSpecs.Port(), files, chat.References);

        var greeter = Assert.Single(result.Edits);
        Assert.Equal("""
            using Microsoft.Extensions.AI;
            using OpenAI.Demo;

            namespace ChatApp;

            public sealed class Greeter(IChatClient chat)
            {
                public async Task<string> GreetAsync() => (await chat.GetResponseAsync(Prompts.Greeting)).Text;
            }
            """, greeter.After);
    }

    /// <summary>Microsoft.Extensions.AI.OpenAI joins the new package only where ported code converts values back (its <c>using static</c>).</summary>
    [Fact(Timeout = 60_000)]
    public Task I_can_get_the_bridge_package_added_only_where_ported_code_converts_back() => Task.Run(() =>
    {
        var recipe = RecipeFixture.Recipe(ChangePackage.RecipeName,
            new Dictionary<string, string>
            {
                ["from"] = "Azure.AI.OpenAI", ["to"] = "Anthropic", ["version"] = "13.14.0", ["keepWhileUsedBy"] = "Azure.AI.OpenAI", ["addWhenUsedBy"] = "Anthropic",
                ["bridgesWhenUsedBy"] = "OpenAI.Chat.MicrosoftExtensionsAIChatExtensions",
            },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["alongWith"] = new Dictionary<string, string> { ["Microsoft.Extensions.AI"] = "10.11.0" },
                ["bridges"] = new Dictionary<string, string> { ["Microsoft.Extensions.AI.OpenAI"] = "10.11.0" },
            });
        RecipeFixture.Verify(recipe, "ChangePackage/bridged", null);

        var unbridged = SourcesWithout("Summaries.cs", "using static OpenAI.Chat.MicrosoftExtensionsAIChatExtensions;\n");
        var result = RecipeFixture.Run(recipe, unbridged, null);
        Assert.DoesNotContain("Microsoft.Extensions.AI.OpenAI", Assert.Single(result.Edits).After, StringComparison.Ordinal);
    });

    private static Dictionary<string, string> SourcesWithout(string file, string line)
    {
        var files = Sources.SourceSet.LoadFiles(Path.Combine(RecipeFixture.Folder("ChangePackage/bridged"), "before")).ToDictionary();
        files[file] = files[file].Replace(line, "", StringComparison.Ordinal);
        return files;
    }
}
