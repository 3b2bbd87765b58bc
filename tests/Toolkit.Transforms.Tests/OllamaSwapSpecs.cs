using Toolkit.Testing;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Rewriters.OpenAi;
using Toolkit.Transforms.Sources;
using Toolkit.Transforms.Swaps;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// <c>ai:ollama=openai</c> and <c>ai:ollama=anthropic</c>: IChatClient code built on an OllamaApiClient (OllamaSharp 5.5.2) moved
/// to another provider, OllamaSharp's own API left as manual steps; one fixture per shape met in real apps (before/after, manual
/// steps, a second run that changes nothing), bound against the real packages, and every output built.
/// </summary>
[Collection(ChatReferencesCollection.Name)]
public sealed class OllamaSwapSpecs(ChatReferencesFixture chat)
{
    private static readonly Dictionary<string, string> ToOpenAi = new() { ["llama3.2"] = "gpt-4o-mini", ["llama3.1"] = "gpt-4o-mini", ["phi4-mini"] = "gpt-4o-mini", ["llama3.3"] = "gpt-4o" };
    private static readonly Dictionary<string, string> ToAnthropic = new() { ["llama3.2"] = "claude-haiku-4-5", ["llama3.3"] = "claude-sonnet-4-5" };

    private static readonly Dictionary<string, string> FromAnthropic = new() { ["claude-haiku-4-5"] = "llama3.2", ["claude-sonnet-4-5"] = "llama3.3" };
    private static readonly Dictionary<string, string> AnthropicToOpenAi = new() { ["claude-haiku-4-5"] = "gpt-4o-mini", ["claude-sonnet-4-5"] = "gpt-4o" };

    internal static IRecipe Swap(string to, string from = "ollama") => RecipeFixture.Recipe(SwapChatClientProvider.RecipeName,
        new Dictionary<string, string> { ["from"] = from, ["to"] = to },
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["models"] = from == "anthropic" ? (to == "ollama" ? FromAnthropic : AnthropicToOpenAi) : to == "openai" ? ToOpenAi : ToAnthropic });

    /// <summary>The fixtures under <c>Fixtures/SwapChatClientProvider</c>, each with the provider it moves to.</summary>
    public static TheoryData<string, string> Fixtures => new()
    {
        { "ollama-field", "openai" },
        { "ollama-di", "openai" },
        { "ollama-constructor", "openai" },
        { "ollama-native", "openai" },
        { "ollama-mixed", "openai" },
        { "ollama-locals", "openai" },
        { "ollama-field-anthropic", "anthropic" },
        { "ollama-constructor-anthropic", "anthropic" },
        // The same recipe from Anthropic: the endpoint setting shared with the other ports, and OpenAI built without using OpenAI.Chat.
        { "anthropic-ollama", "anthropic:ollama" },
        { "anthropic-openai", "anthropic:openai" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Fixtures))]
    public Task I_can_move_ichatclient_code_from_ollama_to_another_provider(string fixture, string to) => Task.Run(() =>
        RecipeFixture.Verify(to.Split(':') is [var from, var target] ? Swap(target, from) : Swap(to), $"SwapChatClientProvider/{fixture}", chat.References));

    /// <summary>The whole swaps, package and configuration included: moved when every reader moved, kept with a step when one stays.</summary>
    [Theory(Timeout = 60_000)]
    [InlineData("Toolkit.Ai.OllamaToOpenAi", "Recipes/Ai.OllamaToOpenAi")]
    [InlineData("Toolkit.Ai.OllamaToOpenAi", "Recipes/Ai.OllamaToOpenAi.Kept")]
    [InlineData("Toolkit.Ai.OllamaToAnthropic", "Recipes/Ai.OllamaToAnthropic")]
    public Task I_can_run_the_ollama_swaps_over_an_app(string recipe, string fixture) => Task.Run(() =>
        RecipeFixture.Verify(RecipeCatalog.Default.Create(recipe), fixture, chat.References));

    /// <summary>
    /// Every fixture's output (and the files it leaves alone) built with the real <c>dotnet build</c>, warnings as errors, against
    /// OllamaSharp 5.5.2, OpenAI with Microsoft.Extensions.AI.OpenAI 10.11.0 and Anthropic 13.14.0.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task I_can_build_every_moved_ollama_fixture()
    {
        using var app = new TempDirectory("ollama-app");
        app.Write("ChatApp.csproj", File.ReadAllText(RecipeFixture.Folder(Path.Combine("ChatApp", "ChatApp.csproj"))));
        foreach (var (fixture, _) in Fixtures.Select(r => ((string)r[0], (string)r[1])))
        {
            var folder = RecipeFixture.Folder(Path.Combine("SwapChatClientProvider", fixture));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "before"), "*.cs"))
            {
                var after = Path.Combine(folder, "after", Path.GetFileName(file));
                var text = File.ReadAllText(File.Exists(after) ? after : file);
                // The same classes moved to each provider: one namespace per fixture keeps them apart.
                if (fixture.Contains("anthropic", StringComparison.Ordinal)) text = text.Replace("namespace ChatApp;", $"namespace ChatApp.{fixture.Replace("-", "", StringComparison.Ordinal)};", StringComparison.Ordinal);
                app.Write(Path.GetFileName(file) == "Program.cs" ? "Program.cs" : $"{fixture}/{Path.GetFileName(file)}", text);
            }
        }

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("ollama", "ollama", "option 'to' must be a provider other than 'ollama'")]
    [InlineData("openai", "anthropic", "option 'from' must be anthropic or ollama")]
    public async Task I_can_see_which_option_is_wrong_when_the_swap_is_misconfigured(string from, string to, string expected)
    {
        await Task.Yield();
        var error = Assert.Throws<RecipeException>(() => RecipeFixture.Recipe(SwapChatClientProvider.RecipeName, new Dictionary<string, string> { ["from"] = from, ["to"] = to }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The catalogue serves both swaps, and a plan through it finds the same edits as the recipe.</summary>
    [Theory(Timeout = 60_000)]
    [InlineData("ai:ollama=openai")]
    [InlineData("ai:ollama=anthropic")]
    public async Task I_can_find_the_ollama_swaps_in_the_catalogue(string id)
    {
        await Task.Yield();
        var swap = Assert.IsAssignableFrom<RecipeSwap>(SwapCatalog.Find(id));
        var files = SourceSet.LoadFiles(Path.Combine(RecipeFixture.Folder("Recipes/Ai.OllamaToOpenAi"), "before"));

        var result = swap.Plan(files, chat.References);

        Assert.Contains(result.Edits, e => e.RelativePath == "Program.cs" && !e.After!.Contains("OllamaSharp", StringComparison.Ordinal));
        Assert.Contains(result.Edits, e => e.RelativePath == "LocalChat.csproj" && !e.After!.Contains("OllamaSharp", StringComparison.Ordinal));
    }
}
