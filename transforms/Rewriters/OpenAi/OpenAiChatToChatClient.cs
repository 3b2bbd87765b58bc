using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// Ports OpenAI .NET 2.x chat code (and Azure.AI.OpenAI) to Microsoft.Extensions.AI <c>IChatClient</c>
/// on a target provider. Where a <c>ChatClient</c> is created (<c>new ChatClient</c>,
/// <c>OpenAIClient.GetChatClient</c>, <c>AzureOpenAIClient</c>) the provider's client is built with the
/// same model and key; everything that holds or passes it (fields, constructor and method parameters,
/// DI registrations, factories) only changes type. Calls, messages, options, streaming, responses,
/// tools and errors map one to one.
/// <para>
/// All or nothing across the app: if any chat code cannot be ported, no chat code changes (an
/// <c>IChatClient</c> cannot stand in for a <c>ChatClient</c> that another file still calls), and
/// every obstacle is a manual step. Parts with no counterpart (embeddings, images, audio, moderation)
/// stay on OpenAI, untouched, with a manual step saying so.
/// </para>
/// </summary>
public sealed class OpenAiChatToChatClient : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.OpenAiChatToChatClient";

    /// <summary>Configures the recipe from its options.</summary>
    public OpenAiChatToChatClient(RecipeArguments arguments)
    {
        var provider = arguments.Required("provider");
        Provider = ChatProvider.Find(provider) is { Id: not "openai" } found ? found
            : throw new RecipeException($"{RecipeName}: option 'provider' must be anthropic or ollama, not '{provider}'.");
        Models = arguments.Map("models");
        Endpoint = arguments.Optional("endpoint") ?? ChatProvider.OllamaEndpointDefault;
        Source = arguments.Optional("source") ?? "openai";
        if (Source is not ("openai" or "azure-openai"))
            throw new RecipeException($"{RecipeName}: option 'source' must be openai or azure-openai, not '{Source}'.");
        KeyVariables = Provider.KeyEnvironmentVariable is { } variable
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["OPENAI_API_KEY"] = variable, ["AZURE_OPENAI_API_KEY"] = variable, ["AZURE_OPENAI_KEY"] = variable }
            : new Dictionary<string, string>();
    }

    /// <summary>The provider the ported code uses.</summary>
    public ChatProvider Provider { get; }

    /// <summary>OpenAI model id to target model id, applied to model literals where clients are built.</summary>
    public IReadOnlyDictionary<string, string> Models { get; }

    /// <summary>The Ollama endpoint written after the <c>Ollama:Endpoint</c> setting, for when it is not set (to Ollama only).</summary>
    public string Endpoint { get; }

    /// <summary>Which clients are ported: <c>openai</c> (OpenAI's own) or <c>azure-openai</c> (AzureOpenAIClient); the packages the swap changes follow.</summary>
    public string Source { get; }

    /// <summary>Environment variable names for API keys, OpenAI to target.</summary>
    public IReadOnlyDictionary<string, string> KeyVariables { get; }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Port OpenAI chat code to Microsoft.Extensions.AI IChatClient";

    /// <inheritdoc/>
    public string Description =>
        "Ports OpenAI .NET 2.x chat code to Microsoft.Extensions.AI IChatClient on the chosen provider: client creation (new ChatClient, " +
        "OpenAIClient.GetChatClient, AzureOpenAIClient, client options), calls (CompleteChat, CompleteChatAsync, CompleteChatStreamingAsync), " +
        "messages (text, image parts, history, tool results), options, responses, tools and errors. All or nothing across the app; embeddings, " +
        "images, audio and moderation stay on OpenAI with a manual step.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("provider", "The IChatClient provider the code moves to: anthropic or ollama.", "anthropic"),
        new("models", "Map of OpenAI model id to target model id, applied to model literals where clients are built.", "gpt-4o-mini=claude-haiku-4-5,gpt-4o=claude-sonnet-4-5", Required: false),
        new("endpoint", "The Ollama endpoint written after the Ollama:Endpoint setting (configuration in scope, else Ollama__Endpoint), for the move to Ollama.", "http://localhost:11434", Required: false),
        new("source", "Which clients are ported: openai (OpenAI's own) or azure-openai (AzureOpenAIClient); the others are manual steps naming the right swap.", "openai", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var paths = sources.CSharpFiles.Where(p => sources.Read(p).Contains("OpenAI", StringComparison.Ordinal)).ToList(); // cheap precondition
        if (paths.Count == 0) return;
        // Without the OpenAI assembly nothing would bind, and unbound code is never rewritten.
        var why = !sources.HasSemantics ? "the app's references could not be resolved"
            : sources.SemanticModel(paths[0])!.Compilation.ReferencedAssemblyNames.All(a => a.Name != "OpenAI") ? "the OpenAI package is not among the references restored"
            : null;
        if (why is not null)
        {
            foreach (var path in paths)
            {
                var text = sources.Read(path);
                sources.AddManualStep(path, TextLines.LineOf(text, text.IndexOf("OpenAI", StringComparison.Ordinal)), $"OpenAI code here was not ported because {why}.");
            }
            return;
        }

        // Every file is planned against the same compilation of the untouched app, so plans are independent.
        // Files that never name OpenAI but use its values (var x = await service.Ask(); x.Value.Content...)
        // join through the members the OpenAI files declare with OpenAI types in their signatures.
        var models = paths.Select(p => sources.SemanticModel(p)!).ToList();
        var openAiNames = OpenAiNames.From(models[0].Compilation);
        var bridges = StreamingBridges.Find(paths.Select((p, i) => (p, models[i])).ToList());
        var roots = HandedRootSurvey.Find(paths.Select((p, i) => (p, models[i])).ToList(), openAiNames);
        var referenced = ReferencedMethodNames.Of(models[0].Compilation);
        var rewrites = new List<ChatClientRewrite>();
        for (var wave = paths.ToList(); wave.Count > 0;)
        {
            var planned = new ChatClientRewrite[wave.Count];
            // The first wave reuses the models the bridges and the survey were found with: their bound bodies are cached there.
            var waveModels = rewrites.Count == 0 ? models : wave.Select(p => sources.SemanticModel(p)!).ToList();
            Parallel.For(0, wave.Count, AllCores.Options, i =>
            {
                planned[i] = new ChatClientRewrite(this, waveModels[i], openAiNames) { Bridges = bridges, Roots = roots, ReferencedMethods = referenced };
                planned[i].Plan();
            });
            rewrites.AddRange(planned);
            var names = planned.SelectMany(r => r.OpenAiTypedMembers).ToHashSet(StringComparer.Ordinal);
            var seen = paths.ToHashSet(StringComparer.Ordinal);
            wave = names.Count == 0 ? [] : sources.CSharpFiles.Where(p => !seen.Contains(p) && MentionsAny(sources.Read(p), names)).ToList();
            paths.AddRange(wave);
        }

        var blocker = Enumerable.Range(0, paths.Count).SelectMany(i => rewrites[i].Unsupported.Select(u => (Path: paths[i], u.Line)))
            .OrderBy(b => b.Path, StringComparer.Ordinal).ThenBy(b => b.Line).FirstOrDefault();
        for (var i = 0; i < paths.Count; i++)
        {
            var rewrite = rewrites[i];
            if (rewrite.Kept.Count > 0)
            {
                var kinds = rewrite.Kept.Select(k => k.What).Distinct().Order(StringComparer.Ordinal).Select(k => $"`{k}`").ToList();
                sources.AddManualStep(paths[i], rewrite.Kept.Min(k => k.Line),
                    $"{string.Join(", ", kinds)} {(kinds.Count == 1 ? "stays" : "stay")} on OpenAI (no {Provider.Id} counterpart in this swap), untouched here: the OpenAI package and the configuration this code reads are kept.");
            }
            if (!rewrite.HasChat)
            {
                // The package may go with the port: a directive of it that nothing here uses goes first.
                if (blocker.Path is null && rewrites.Any(r => r.Changes.Count > 0) && rewrite.UnusedDirectiveRemovals() is { Count: > 0 } removals)
                    sources.Write(paths[i], SourceText.From(sources.Read(paths[i])).WithChanges(removals).ToString());
                continue;
            }
            if (blocker.Path is not null)
            {
                foreach (var (line, reason) in rewrite.Unsupported) sources.AddManualStep(paths[i], line, reason);
                if (rewrite.Unsupported.Count == 0)
                    sources.AddManualStep(paths[i], rewrite.FirstChatLine,
                        $"OpenAI chat code here was not ported because {blocker.Path}:{blocker.Line} could not be, and an IChatClient cannot replace a ChatClient " +
                        "that other code still calls (the client passes between files through DI, fields and parameters): port that first, then plan again.");
                continue;
            }
            foreach (var (line, reason) in rewrite.Notes) sources.AddManualStep(paths[i], line, reason);
            if (rewrite.Changes.Count > 0)
                sources.Write(paths[i], SourceText.From(sources.Read(paths[i])).WithChanges(rewrite.Changes).ToString());
        }
    }

    private static bool MentionsAny(string text, HashSet<string> names)
    {
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var before = at == 0 ? ' ' : text[at - 1];
                var after = at + name.Length >= text.Length ? ' ' : text[at + name.Length];
                if (!char.IsLetterOrDigit(before) && before != '_' && !char.IsLetterOrDigit(after) && after != '_') return true;
            }
        }
        return false;
    }
}
