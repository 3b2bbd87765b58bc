using Toolkit.Testing;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// OpenAI chat patterns met on the corpus apps added in docs/corpus/ai-apps.tsv, one fixture each
/// (before/after, manual steps, a second run that changes nothing), and their output built for real.
/// </summary>
[Collection(ChatReferencesCollection.Name)]
public sealed class ChatCorpusFixtureSpecs(ChatReferencesFixture chat)
{
    /// <summary>The fixtures, each with the provider it is ported to (and azure- when its clients are Azure OpenAI ones).</summary>
    public static TheoryData<string, string> Fixtures => new()
    {
        { "retry-reads", "anthropic" },
        { "two-clients", "azure-anthropic" },
        { "credential-local", "azure-anthropic" },
        { "bytes-part", "anthropic" },
        { "settings-from-environment", "anthropic" },
        { "model-defaults", "anthropic" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Fixtures))]
    public Task I_can_port_the_chat_code_the_corpus_apps_write(string fixture, string provider) => Task.Run(() =>
        RecipeFixture.Verify(provider.StartsWith("azure-", StringComparison.Ordinal) ? ChatClientRewriterSpecs.Port(provider[6..], "azure-openai") : ChatClientRewriterSpecs.Port(provider),
            $"OpenAiChatToChatClient/{fixture}", chat.References));

    /// <summary>
    /// A message built from a value whose type did not bind keeps its role only if the port knows the value is
    /// text: it is a manual step, and nothing changes (it was renamed to <c>new ChatMessage(turn.Content)</c>, role lost).
    /// </summary>
    [Fact(Timeout = 60_000)]
    public Task I_can_rely_on_the_port_to_leave_a_message_of_unbound_content_alone() => Task.Run(() =>
        RecipeFixture.Verify(ChatClientRewriterSpecs.Port(), "OpenAiChatToChatClient/unbound-message", chat.References));

    /// <summary>Every fixture's output, with the files it leaves alone, built with the real <c>dotnet build</c> (warnings as errors).</summary>
    [Fact(Timeout = 300_000)]
    public async Task I_can_build_what_the_port_makes_of_the_corpus_patterns()
    {
        using var app = new TempDirectory("chat-corpus-app");
        app.Write("ChatApp.csproj", File.ReadAllText(RecipeFixture.Folder(Path.Combine("ChatApp", "ChatApp.csproj"))));
        app.Write("Program.cs", "System.Console.WriteLine(\"built\");\n"); // the fixture app is a program
        foreach (var fixture in Fixtures.Select(r => (string)r[0]))
        {
            var folder = RecipeFixture.Folder(Path.Combine("OpenAiChatToChatClient", fixture));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "before"), "*.cs"))
            {
                var after = Path.Combine(folder, "after", Path.GetFileName(file));
                app.Write($"{fixture}/{Path.GetFileName(file)}", File.ReadAllText(File.Exists(after) ? after : file));
            }
        }

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
    }
}
