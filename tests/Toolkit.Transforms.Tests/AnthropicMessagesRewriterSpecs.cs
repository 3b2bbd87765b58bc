using Toolkit.Testing;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Rewriters.Anthropic;
using Toolkit.Transforms.Sources;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// Code using the Anthropic SDK directly (Anthropic 13.14.0: <c>AnthropicClient</c>, <c>Messages.Create</c>,
/// <c>CreateStreaming</c>) ported to Microsoft.Extensions.AI IChatClient on OpenAI, one fixture per pattern
/// (before/after, manual steps, a second run that changes nothing), bound against the real packages.
/// </summary>
[Collection(ChatReferencesCollection.Name)]
public sealed class AnthropicMessagesRewriterSpecs(ChatReferencesFixture chat)
{
    internal static IRecipe Port(string to = "openai") => RecipeFixture.Recipe(AnthropicMessagesToChatClient.RecipeName,
        new Dictionary<string, string> { ["to"] = to },
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["models"] = to == "ollama"
                ? new Dictionary<string, string> { ["claude-haiku-4-5"] = "llama3.2", ["claude-sonnet-4-5"] = "llama3.3" }
                : new Dictionary<string, string> { ["claude-haiku-4-5"] = "gpt-4o-mini", ["claude-sonnet-4-5"] = "gpt-4o" },
        });

    /// <summary>The fixtures, each with the provider it is ported to.</summary>
    public static TheoryData<string, string> Fixtures => new()
    {
        { "messages", "openai" },
        { "streaming-di", "openai" },
        { "blocked", "openai" },
        { "ollama", "ollama" },
        { "dated-model", "openai" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Fixtures))]
    public Task I_can_port_anthropic_messages_code_to_ichatclient(string fixture, string to) => Task.Run(() =>
        RecipeFixture.Verify(Port(to), $"AnthropicMessagesToChatClient/{fixture}", chat.References));

    /// <summary>Every fixture's output (and the files it leaves alone) built with the real <c>dotnet build</c>, warnings as errors.</summary>
    [Fact(Timeout = 300_000)]
    public async Task I_can_build_every_ported_anthropic_fixture()
    {
        using var app = new TempDirectory("anthropic-app");
        app.Write("ChatApp.csproj", File.ReadAllText(RecipeFixture.Folder(Path.Combine("ChatApp", "ChatApp.csproj"))));
        foreach (var (fixture, _) in Fixtures.Select(r => ((string)r[0], (string)r[1])))
        {
            var folder = RecipeFixture.Folder(Path.Combine("AnthropicMessagesToChatClient", fixture));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "before"), "*.cs"))
            {
                var after = Path.Combine(folder, "after", Path.GetFileName(file));
                var name = Path.GetFileName(file) == "Program.cs" ? "Program.cs" : $"{fixture}/{Path.GetFileName(file)}";
                app.Write(name, File.ReadAllText(File.Exists(after) ? after : file));
            }
        }

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
    }

    /// <summary>The whole swap on an app it cannot port: each obstacle once, the package and configuration kept, nothing changed.</summary>
    [Fact(Timeout = 60_000)]
    public async Task I_can_see_the_anthropic_to_openai_swap_list_each_obstacle_once_and_change_nothing()
    {
        await Task.Yield();
        var before = SourceSet.LoadFiles(Path.Combine(RecipeFixture.Folder("AnthropicMessagesToChatClient/blocked"), "before"));

        var result = RecipeFixture.Run(RecipeCatalog.Default.Create("Toolkit.Ai.AnthropicToOpenAi"), before, chat.References);

        Assert.Empty(result.Edits);
        Assert.DoesNotContain(result.ManualSteps, s => s.Reason.Contains("uses the Anthropic SDK directly", StringComparison.Ordinal));
        Assert.Contains(result.ManualSteps, s => s.RelativePath == "Agent.cs" && s.Line == 16 && s.Reason.Contains("MessageCreateParams.Tools", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_rely_on_the_port_to_leave_ichatclient_code_on_anthropic_to_the_provider_swap()
    {
        await Task.Yield();
        var files = new Dictionary<string, string>
        {
            ["Chat.cs"] = """
                using Anthropic;
                using Microsoft.Extensions.AI;

                namespace ChatApp;

                public static class Chat
                {
                    public static IChatClient Create() => new AnthropicClient { ApiKey = "key" }.AsIChatClient("claude-haiku-4-5");
                }
                """,
        };

        var result = RecipeFixture.Run(Port(), files, chat.References);

        Assert.Empty(result.Edits);
        Assert.Empty(result.ManualSteps);
    }
}
