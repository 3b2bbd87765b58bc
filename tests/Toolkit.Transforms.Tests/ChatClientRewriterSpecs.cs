using Toolkit.Testing;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Rewriters.OpenAi;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// OpenAI chat code ported to Microsoft.Extensions.AI IChatClient, one fixture per pattern seen in real
/// apps (before/after, manual steps, a second run that changes nothing), bound against the real packages.
/// </summary>
[Collection(ChatReferencesCollection.Name)]
public sealed class ChatClientRewriterSpecs(ChatReferencesFixture chat)
{
    internal static IRecipe Port(string provider = "anthropic", string source = "openai") => RecipeFixture.Recipe(OpenAiChatToChatClient.RecipeName,
        new Dictionary<string, string> { ["provider"] = provider, ["source"] = source },
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["models"] = provider == "ollama"
                ? new Dictionary<string, string> { ["gpt-4o-mini"] = "llama3.2" }
                : new Dictionary<string, string> { ["gpt-4o-mini"] = "claude-haiku-4-5", ["gpt-4o"] = "claude-sonnet-4-5", ["gpt-4.1-mini"] = "claude-haiku-4-5" },
        });

    /// <summary>The fixtures, each with the provider it is ported to (and azure- when its clients are Azure OpenAI ones).</summary>
    public static TheoryData<string, string> Fixtures => new()
    {
        { "options", "anthropic" },
        { "di", "anthropic" },
        { "streaming", "anthropic" },
        { "parts-tools", "anthropic" },
        { "azure", "azure-anthropic" },
        { "embeddings-kept", "anthropic" },
        { "blocked", "anthropic" },
        { "root-client", "anthropic" },
        { "ollama", "ollama" },
        { "ollama-configuration", "ollama" },
        { "streaming-usage", "anthropic" },
        { "reply-readers", "anthropic" },
        { "sync-streaming", "anthropic" },
        { "finish-reasons", "anthropic" },
        { "tool-loop", "anthropic" },
        { "streaming-bridge", "azure-anthropic" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Fixtures))]
    public Task I_can_port_openai_chat_code_to_ichatclient(string fixture, string provider) => Task.Run(() =>
        RecipeFixture.Verify(provider.StartsWith("azure-", StringComparison.Ordinal) ? Port(provider[6..], "azure-openai") : Port(provider),
            $"OpenAiChatToChatClient/{fixture}", chat.References));

    /// <summary>
    /// Every fixture's output, with the files it leaves alone and the code of other projects it calls (<c>outside/</c>), built with the real <c>dotnet build</c>
    /// (warnings as errors) against OpenAI, Anthropic 13.14.0, Microsoft.Extensions.AI and OllamaSharp.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task I_can_build_every_ported_fixture()
    {
        using var app = new TempDirectory("chat-app");
        app.Write("ChatApp.csproj", File.ReadAllText(RecipeFixture.Folder(Path.Combine("ChatApp", "ChatApp.csproj"))));
        foreach (var (fixture, _) in Fixtures.Select(r => ((string)r[0], (string)r[1])))
        {
            var folder = RecipeFixture.Folder(Path.Combine("OpenAiChatToChatClient", fixture));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "before"), "*.cs"))
            {
                var after = Path.Combine(folder, "after", Path.GetFileName(file));
                var name = Path.GetFileName(file) == "Program.cs" ? "Program.cs" : $"{fixture}/{Path.GetFileName(file)}";
                app.Write(name, File.ReadAllText(File.Exists(after) ? after : file));
            }
            // outside/: code of another project that the port does not see (and must keep building against).
            var outside = Path.Combine(folder, "outside");
            foreach (var file in Directory.Exists(outside) ? Directory.EnumerateFiles(outside, "*.cs") : [])
                app.Write($"{fixture}/outside/{Path.GetFileName(file)}", File.ReadAllText(file));
        }

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
    }

    /// <summary>
    /// A ChatClient handed to code that does not bind (its package was not restored) or to a library
    /// method that takes the OpenAI type: nothing is ported, and the step names the call.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task I_can_rely_on_the_port_to_leave_a_client_handed_to_unknown_code_alone()
    {
        await Task.Yield();
        var files = new Dictionary<string, string>
        {
            ["Plugin.cs"] = """
                using OpenAI.Chat;

                namespace ChatApp;

                public static class Plugin
                {
                    public static void Register(object kernel)
                    {
                        var chat = new ChatClient("gpt-4o-mini", "key");
                        Missing.Connector.Use(kernel, chat);
                    }
                }
                """,
        };

        var result = RecipeFixture.Run(Port(), files, chat.References);

        Assert.Empty(result.Edits);
        Assert.Contains(result.ManualSteps, s => s.RelativePath == "Plugin.cs" && s.Line == 10
            && s.Reason.Contains("`chat` (an OpenAI ChatClient) goes to `Missing.Connector.Use`, which did not bind", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_port_a_file_with_windows_line_ends_and_keep_them()
    {
        await Task.Yield();
        var folder = RecipeFixture.Folder("OpenAiChatToChatClient/options");
        string CrLf(string file) => File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal);
        var before = new Dictionary<string, string> { ["SupportBot.cs"] = CrLf(Path.Combine(folder, "before", "SupportBot.cs")) };

        var result = RecipeFixture.Run(Port(), before, chat.References);

        Assert.Equal(CrLf(Path.Combine(folder, "after", "SupportBot.cs")), Assert.Single(result.Edits).After);
    }
}
