using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// Moves OpenAI .NET 2.x chat code to the Anthropic SDK messages API, file by file and all or
/// nothing: a <c>ChatClient</c> held in a field or local becomes an <c>AnthropicClient</c> plus a model
/// variable, <c>await CompleteChatAsync(messages, options, ct)</c> becomes
/// <c>Messages.Create(new MessageCreateParams { ... }, ct)</c>, and <c>completion.Content[0].Text</c>
/// reads the text blocks. A file using any OpenAI API in another way is left unchanged, with a
/// manual step at each place.
/// </summary>
public sealed class OpenAiChatToAnthropic : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.OpenAiChatToAnthropic";

    /// <summary>Configures the recipe from its options.</summary>
    public OpenAiChatToAnthropic(RecipeArguments arguments)
    {
        Models = arguments.Map("models");
        if (Models.Count == 0) throw new RecipeException($"{RecipeName}: option 'models' needs at least one OpenAI to Claude mapping.");
        DefaultMaxTokens = arguments.Optional("defaultMaxTokens") ?? "1024";
        if (!int.TryParse(DefaultMaxTokens, out var max) || max <= 0)
            throw new RecipeException($"{RecipeName}: option 'defaultMaxTokens' must be a positive whole number, not '{DefaultMaxTokens}'.");
    }

    /// <summary>OpenAI model id to Claude model id.</summary>
    public IReadOnlyDictionary<string, string> Models { get; }

    /// <summary>MaxTokens used when the OpenAI options set no MaxOutputTokenCount (Anthropic requires one).</summary>
    public string DefaultMaxTokens { get; }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Rewrite OpenAI chat completions as Anthropic messages";

    /// <inheritdoc/>
    public string Description =>
        "Rewrites ChatClient fields and locals, CompleteChatAsync calls with system, user and assistant text messages, " +
        "ChatCompletionOptions (MaxOutputTokenCount; Temperature and TopP are dropped with a manual step) and completion.Content[0].Text for the Anthropic SDK. " +
        "Files that use OpenAI in any other way are left unchanged with a manual step per use.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("models", "Map of OpenAI model id to Claude model id, applied to model literals in code.", "gpt-4o-mini=claude-haiku-4-5,gpt-4o=claude-sonnet-4-5"),
        new("defaultMaxTokens", "MaxTokens when the code sets no MaxOutputTokenCount.", "1024", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var paths = sources.CSharpFiles.Where(p => sources.Read(p).Contains("OpenAI", StringComparison.Ordinal)).ToList(); // cheap precondition
        if (paths.Count == 0) return;
        if (!sources.HasSemantics)
        {
            foreach (var path in paths)
            {
                var text = sources.Read(path);
                sources.AddManualStep(path, TextLines.LineOf(text, text.IndexOf("OpenAI", StringComparison.Ordinal)),
                    "OpenAI code here was not rewritten because the app's references could not be resolved.");
            }
            return;
        }

        // Every file is planned against the same compilation of the untouched app, so the plans are
        // independent: they run on all cores and are applied in path order, one file at a time.
        var models = paths.Select(p => sources.SemanticModel(p)!).ToList();
        var openAiNames = OpenAiNames.From(models[0].Compilation);
        var rewrites = new ChatFileRewrite[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            rewrites[i] = new ChatFileRewrite(this, models[i], openAiNames);
            rewrites[i].Plan();
        });
        for (var i = 0; i < paths.Count; i++) Apply(sources, paths[i], rewrites[i]);
    }

    private static void Apply(SourceSet sources, string path, ChatFileRewrite rewrite)
    {
        if (rewrite.Unsupported.Count > 0)
        {
            foreach (var (line, reason) in rewrite.Unsupported) sources.AddManualStep(path, line, reason + " This file was left unchanged.");
            return;
        }
        foreach (var (line, reason) in rewrite.Notes) sources.AddManualStep(path, line, reason);
        if (rewrite.Changes.Count == 0) return;
        sources.Write(path, SourceText.From(sources.Read(path)).WithChanges(rewrite.Changes).ToString());
    }
}
