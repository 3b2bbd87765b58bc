using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Rewriters.OpenAi;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.Anthropic;

/// <summary>
/// Ports code that calls the Anthropic .NET SDK directly (<c>AnthropicClient</c>,
/// <c>client.Messages.Create(new MessageCreateParams { ... })</c>, <c>CreateStreaming</c>; Anthropic 12.x and 13.x)
/// to Microsoft.Extensions.AI <c>IChatClient</c> on a target provider. Where an <c>AnthropicClient</c> is built
/// the target's IChatClient is built instead; what holds or passes it (fields, parameters, DI registrations)
/// only changes type; each request keeps its model (<c>ChatOptions.ModelId</c>, mapped), system prompt, messages,
/// max tokens, temperature, top-p/k and stop sequences; reading the text, usage and stop reason maps one to one.
/// <para>
/// All or nothing across the app, as for OpenAI chat code: if any Anthropic code cannot be ported, none changes
/// (an IChatClient cannot stand in for an AnthropicClient that other code still calls), and every obstacle is a
/// manual step with file:line and why.
/// </para>
/// </summary>
public sealed class AnthropicMessagesToChatClient : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.AnthropicMessagesToChatClient";

    /// <summary>Configures the recipe from its options.</summary>
    public AnthropicMessagesToChatClient(RecipeArguments arguments)
    {
        var to = arguments.Required("to");
        To = ChatProvider.Find(to) is { Id: not "anthropic" } found ? found
            : throw new RecipeException($"{RecipeName}: option 'to' must be openai or ollama, not '{to}'.");
        Models = arguments.Map("models");
        DefaultModel = arguments.Optional("defaultModel") ?? Models.Values.FirstOrDefault()
            ?? throw new RecipeException($"{RecipeName}: give 'models' or 'defaultModel' (the model the {To.Id} client is built with).");
    }

    /// <summary>The provider the ported code uses.</summary>
    public ChatProvider To { get; }

    /// <summary>Anthropic model id to target model id, applied to model literals and <c>Model.*</c> constants of the requests.</summary>
    public IReadOnlyDictionary<string, string> Models { get; }

    /// <summary>The model the target client is built with when its requests name none the swap can see (each request sets its own).</summary>
    public string DefaultModel { get; }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Port Anthropic SDK messages code to Microsoft.Extensions.AI IChatClient";

    /// <inheritdoc/>
    public string Description =>
        "Ports code using the Anthropic .NET SDK directly (AnthropicClient, Messages.Create and CreateStreaming with MessageCreateParams) to " +
        "Microsoft.Extensions.AI IChatClient on the chosen provider: client creation, DI registrations and parameters, model, system prompt, " +
        "messages, max tokens, temperature, top-p/k, stop sequences, streaming, text, usage and stop reason. All or nothing across the app.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("to", "The IChatClient provider the code moves to: openai or ollama.", "openai"),
        new("models", "Map of Anthropic model id to target model id, applied to the models the requests name.", "claude-haiku-4-5=gpt-4o-mini", Required: false),
        new("defaultModel", "Model the target client is built with (requests still send their own); defaults to the first value of models.", "gpt-4o-mini", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var paths = sources.CSharpFilesNaming("Anthropic");
        if (paths.Count == 0) return;
        var why = !sources.HasSemantics ? "the app's references could not be resolved"
            : sources.SemanticModel(paths[0])!.Compilation.ReferencedAssemblyNames.All(a => a.Name != "Anthropic") ? "the Anthropic package is not among the references restored"
            : null;
        var rewrites = why is null ? paths.Select(p => new MessagesRewrite(this, sources.SemanticModel(p)!)).ToList() : [];
        if (why is not null)
        {
            foreach (var path in paths)
            {
                var text = sources.Read(path);
                if (!text.Contains("Messages.Create", StringComparison.Ordinal) && !text.Contains("AnthropicClient", StringComparison.Ordinal)) continue;
                sources.AddManualStep(path, TextLines.LineOf(text, text.IndexOf("Anthropic", StringComparison.Ordinal)), $"Anthropic code here was not ported because {why}.");
            }
            return;
        }
        foreach (var rewrite in rewrites) rewrite.Plan();

        var blocker = Enumerable.Range(0, paths.Count).SelectMany(i => rewrites[i].Unsupported.Select(u => (Path: paths[i], u.Line)))
            .OrderBy(b => b.Path, StringComparer.Ordinal).ThenBy(b => b.Line).FirstOrDefault();
        for (var i = 0; i < paths.Count; i++)
        {
            var rewrite = rewrites[i];
            if (!rewrite.HasAnthropicCode) continue;
            if (blocker.Path is not null)
            {
                foreach (var (line, reason) in rewrite.Unsupported) sources.AddManualStep(paths[i], line, reason);
                if (rewrite.Unsupported.Count == 0)
                    sources.AddManualStep(paths[i], rewrite.FirstLine,
                        $"Anthropic code here was not ported because {blocker.Path}:{blocker.Line} could not be, and an IChatClient cannot replace an AnthropicClient " +
                        "that other code still calls: port that first, then plan again.");
                continue;
            }
            foreach (var (line, reason) in rewrite.Notes) sources.AddManualStep(paths[i], line, reason);
            if (rewrite.Changes.Count > 0) sources.Write(paths[i], SourceText.From(sources.Read(paths[i])).WithChanges(rewrite.Changes).ToString());
        }
    }
}
