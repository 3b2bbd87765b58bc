using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// Moves code that already talks to Microsoft.Extensions.AI <c>IChatClient</c> from one provider to
/// another: only where the client is built and, from Anthropic, the provider's exception in <c>catch</c>
/// clauses change. From Anthropic the client is <c>new AnthropicClient { ApiKey = k }.AsIChatClient(m)</c>;
/// from Ollama it is an <c>OllamaApiClient</c> used as an IChatClient (<c>IChatClient c = new OllamaApiClient(uri, m)</c>,
/// <c>AddChatClient(new OllamaApiClient(...))</c>, <c>(IChatClient)new OllamaApiClient(...)</c>, a <c>var</c> only used as one).
/// Any other use of the old provider's SDK (Anthropic's messages API; OllamaSharp's <c>Chat</c>, <c>GenerateAsync</c>,
/// model management, embeddings) leaves the file unchanged with a manual step per use.
/// </summary>
public sealed partial class SwapChatClientProvider : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.SwapChatClientProvider";

    /// <summary>Configures the recipe from its options.</summary>
    public SwapChatClientProvider(RecipeArguments arguments)
    {
        var from = arguments.Required("from");
        From = ChatProvider.Find(from) is { Id: "anthropic" or "ollama" } source ? source
            : throw new RecipeException($"{RecipeName}: option 'from' must be anthropic or ollama (the providers whose client building is understood), not '{from}'.");
        var to = arguments.Required("to");
        To = ChatProvider.Find(to) is { } target && target != From ? target
            : throw new RecipeException($"{RecipeName}: option 'to' must be a provider other than '{From.Id}' (anthropic, ollama or openai), not '{to}'.");
        Models = arguments.Map("models");
        Endpoint = arguments.Optional("endpoint") ?? ChatProvider.OllamaEndpointDefault;
        DirectUseListed = arguments.Optional("directUse") switch
        {
            null or "manual" => false,
            "ported" => true,
            var other => throw new RecipeException($"{RecipeName}: option 'directUse' must be manual or ported, not '{other}'."),
        };
    }

    /// <summary>
    /// True when a recipe before this one ports (or lists) code using the old provider's SDK directly
    /// (<see cref="Anthropic.AnthropicMessagesToChatClient"/>): files still using it are left to that recipe's manual steps.
    /// </summary>
    public bool DirectUseListed { get; }

    /// <summary>The provider the code uses now.</summary>
    public ChatProvider From { get; }

    /// <summary>The provider it moves to.</summary>
    public ChatProvider To { get; }

    /// <summary>Model id map, old provider to new.</summary>
    public IReadOnlyDictionary<string, string> Models { get; }

    /// <summary>The Ollama endpoint written where the <c>Ollama:Endpoint</c> setting is not set (to Ollama only).</summary>
    public string Endpoint { get; }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Swap the provider behind an IChatClient";

    /// <inheritdoc/>
    public string Description =>
        "Rebuilds IChatClient instances made from an AnthropicClient, or from an OllamaApiClient used as an IChatClient, with another provider " +
        "(same model mapped; the key from the new provider's environment variable), and maps Anthropic's exception in catch clauses. Files that use " +
        "the old provider's SDK in other ways are left unchanged with a manual step per use.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("from", "The provider the code uses now: anthropic or ollama.", "anthropic"),
        new("to", "The provider it moves to: anthropic, ollama or openai (not the one it uses now).", "openai"),
        new("models", "Map of old model id to new model id, applied to model literals where clients are built.", "claude-haiku-4-5=gpt-4o-mini", Required: false),
        new("endpoint", "The Ollama endpoint written after the Ollama:Endpoint setting (configuration in scope, else Ollama__Endpoint), for the move to Ollama.", "http://localhost:11434", Required: false),
        new("directUse", "Manual (a step per direct use of the old provider's SDK) or ported (an earlier recipe ported or listed that code).", "ported", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var marker = From == ChatProvider.Ollama ? "Ollama" : "Anthropic";
        foreach (var path in sources.CSharpFilesNaming(marker))
        {
            if (sources.SemanticModel(path) is not { } model)
            {
                var text = sources.Read(path);
                sources.AddManualStep(path, TextLines.LineOf(text, text.IndexOf(marker, StringComparison.Ordinal)),
                    $"{SdkName} code here was not rewritten because the app's references could not be resolved.");
                continue;
            }
            var (changes, unsupported, notes) = PlanFile(model);
            if (unsupported.Count > 0)
            {
                // The recipe that ports direct use already said why each such use was not ported.
                foreach (var (line, reason) in unsupported)
                    if (!DirectUseListed || !reason.EndsWith(DirectUse, StringComparison.Ordinal)) sources.AddManualStep(path, line, reason);
                continue;
            }
            foreach (var (line, reason) in notes) sources.AddManualStep(path, line, reason);
            if (changes.Count > 0) sources.Write(path, SourceText.From(sources.Read(path)).WithChanges(changes).ToString());
        }
    }

    private (List<TextChange> Changes, List<(int, string)> Unsupported, List<(int, string)> Notes) PlanFile(SemanticModel model)
    {
        var root = model.SyntaxTree.GetRoot();
        var file = new FilePlan(model, root);
        if (From == ChatProvider.Ollama) PlanOllamaClients(file);
        else PlanAnthropicClients(file);
        var (changes, unsupported, notes, covered) = (file.Changes, file.Unsupported, file.Notes, file.Covered);
        // Direct uses only matter where this file changes, or where they are this recipe's to list: otherwise binding every
        // member access again (the earlier recipe's edits made a new compilation) would be most of the plan's time.
        if (changes.Count == 0 && DirectUseListed) return (changes, unsupported, notes);
        var sdk = From.Namespaces[0];
        var usings = root.DescendantNodes().OfType<UsingDirectiveSyntax>().Where(u => SymbolNames.IsNamespaceOrBelow(u.NamespaceOrType.ToString(), sdk)).ToList();
        var listed = new HashSet<int>();
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            // cheap filter (Anthropic's messages API is always reached through a member access or a type named Anthropic...;
            // OllamaSharp's Chat, ChatRequest and Message are not, and the files naming Ollama are few)
            if (From == ChatProvider.Anthropic && !name.Identifier.ValueText.Contains("Anthropic", StringComparison.Ordinal) && name.Parent is not MemberAccessExpressionSyntax) continue;
            if (name is IdentifierNameSyntax { IsVar: true } || covered.Any(c => c.Contains(name.Span)) || name.Ancestors().Any(a => a is UsingDirectiveSyntax)) continue;
            var symbol = model.GetSymbolInfo(name).Symbol;
            var ns = (symbol as ITypeSymbol ?? symbol?.ContainingType)?.ContainingNamespace?.ToDisplayString() ?? "";
            if (symbol is null || !(SymbolNames.IsNamespaceOrBelow(ns, sdk) || symbol.ContainingType?.Name == "AnthropicClientExtensions")) continue;
            if (From == ChatProvider.Ollama)
            {
                if (listed.Add(Line(name))) unsupported.Add((Line(name), OllamaDirectUse(name, symbol)));
                if (name.Parent is BaseObjectCreationExpressionSyntax reported) covered.Add(reported.Span); // one step for the client, not one per setting
                continue;
            }
            unsupported.Add((Line(name), $"`{name.Parent}` {DirectUse}"));
        }
        if (changes.Count == 0) return (changes, unsupported, notes);
        var existing = root.DescendantNodes().OfType<UsingDirectiveSyntax>().Select(u => u.NamespaceOrType.ToString()).ToHashSet(StringComparer.Ordinal);
        var added = To.Namespaces.Append("Microsoft.Extensions.AI").Distinct().Where(n => !existing.Contains(n) && !IsImplicit(model, n)).ToList();
        var text = model.SyntaxTree.GetText();
        for (var i = 0; i < usings.Count; i++)
        {
            var line = text.Lines.GetLineFromPosition(usings[i].SpanStart);
            changes.Add(new TextChange(TextSpan.FromBounds(line.Start, line.EndIncludingLineBreak), i == 0 ? string.Concat(added.Select(a => $"using {a};\n")) : ""));
        }
        // The old provider came in through a global using or full names: the new one's directives go before the file's first.
        if (usings.Count == 0 && added.Count > 0)
        {
            var at = root is CompilationUnitSyntax { Usings.Count: > 0 } unit ? text.Lines.GetLineFromPosition(unit.Usings[0].SpanStart).Start : 0;
            changes.Add(new TextChange(new TextSpan(at, 0), string.Concat(added.Select(a => $"using {a};\n")) + (at == 0 && root is CompilationUnitSyntax { Usings.Count: 0 } ? "\n" : "")));
        }
        changes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return (changes, unsupported, notes);
    }

    // new AnthropicClient { ApiKey = k }.AsIChatClient(model), and catch (AnthropicApiException e) with (int)e.StatusCode.
    private void PlanAnthropicClients(FilePlan file)
    {
        var (model, root) = (file.Model, file.Root);
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsIChatClient", Expression: var receiver }) continue;
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { ContainingType.Name: "AnthropicClientExtensions" }) continue;
            // new AnthropicClient { ApiKey = k } has no argument list at all; new AnthropicClient() { ... } an empty one.
            if (receiver is not BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 } } creation
                || creation.Initializer?.Expressions.Any(e => e is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ApiKey" or "Timeout" } }) == true
                || invocation.ArgumentList.Arguments.Count != 1)
            {
                file.Unsupported.Add((Line(invocation), $"`{invocation}` builds the Anthropic client in a way the swap does not know: build the {To.Id} IChatClient by hand."));
                file.Covered.Add(invocation.Span); // one step for it, not one per name in it
                continue;
            }
            var key = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left.ToString() == "ApiKey")?.Right;
            var keyText = key is null ? null : MapLiteral(key, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = To.KeyEnvironmentVariable ?? "" });
            if (creation.Initializer?.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Timeout" } }) == true)
                file.Notes.Add((Line(invocation), $"the Anthropic client timeout was dropped: set one on the {To.Id} client if you need it."));
            var modelText = MapLiteral(invocation.ArgumentList.Arguments[0].Expression, Models);
            var created = To.Create(modelText, To == ChatProvider.Ollama ? null : keyText, null, ChatProvider.OllamaEndpoint(model, invocation, Endpoint));
            // var chat = new OllamaApiClient(...) would hold the concrete type, whose IChatClient members are explicit: keep it an IChatClient.
            if (To == ChatProvider.Ollama && IsVarInitializer(invocation)) created = "(IChatClient)" + created;
            file.Changes.Add(new TextChange(invocation.Span, created));
            file.Covered.Add(invocation.Span);
        }
        foreach (var clause in root.DescendantNodes().OfType<CatchClauseSyntax>())
        {
            if (clause.Declaration is not { } declaration || model.GetTypeInfo(declaration.Type).Type is not { } type || type.ToDisplayString() != From.ExceptionType) continue;
            file.Changes.Add(new TextChange(declaration.Type.Span, To.ExceptionType));
            file.Covered.Add(declaration.Type.Span);
            var exception = model.GetDeclaredSymbol(declaration);
            foreach (var cast in clause.DescendantNodes().OfType<CastExpressionSyntax>())
            {
                if (cast.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode", Expression: IdentifierNameSyntax variable }
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(variable).Symbol, exception))
                {
                    file.Changes.Add(new TextChange(cast.Span, To.Status(variable.Identifier.ValueText)));
                    file.Covered.Add(cast.Span);
                }
            }
        }
    }

    private static bool IsVarInitializer(SyntaxNode node) =>
        node.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } };

    // ImplicitUsings brings Microsoft.Extensions.AI into no project, but a global using of the app may.
    private static bool IsImplicit(SemanticModel model, string ns) =>
        model.Compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax unit && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.NamespaceOrType.ToString() == ns));

    private string SdkName => From == ChatProvider.Ollama ? "OllamaSharp" : "Anthropic";

    // What one file's plan gathers: text changes, uses that keep the file as it is, notes, and the spans already handled.
    private sealed record FilePlan(SemanticModel Model, SyntaxNode Root)
    {
        public List<TextChange> Changes { get; } = [];
        public List<(int, string)> Unsupported { get; } = [];
        public List<(int, string)> Notes { get; } = [];
        public List<TextSpan> Covered { get; } = [];
    }

    private const string DirectUse = "uses the Anthropic SDK directly: port it to IChatClient first (or by hand), then swap the provider.";

    /// <summary>The text of <paramref name="expression"/> with its string literals found in <paramref name="map"/> replaced (empty mappings skipped).</summary>
    internal static string MapLiteral(ExpressionSyntax expression, IReadOnlyDictionary<string, string> map)
    {
        var text = expression.ToString();
        foreach (var literal in expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).OrderByDescending(l => l.SpanStart))
        {
            if (!Recipes.ModelIds.TryMap(map, literal.Token.ValueText, out var mapped) || mapped.Length == 0) continue;
            var start = literal.SpanStart - expression.SpanStart;
            text = text[..start] + SyntaxFactory.Literal(mapped).Text + text[(start + literal.Span.Length)..];
        }
        return text;
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
