using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Toolkit.Transforms.Rewriters.OpenAi;

public sealed partial class SwapChatClientProvider
{
    private const string OllamaClientType = "OllamaSharp.OllamaApiClient";
    private const string ChatClientInterface = "Microsoft.Extensions.AI.IChatClient";

    // OllamaSharp's own API that manages the server rather than chatting: no other provider has it.
    private static readonly HashSet<string> ServerManagement = new(StringComparer.Ordinal)
    {
        "ListLocalModelsAsync", "ListRunningModelsAsync", "PullModelAsync", "PushModelAsync", "CreateModelAsync", "DeleteModelAsync",
        "CopyModelAsync", "ShowModelAsync", "RequestModelUnloadAsync", "PushBlobAsync", "IsBlobExistsAsync", "IsRunningAsync", "GetVersionAsync",
    };

    // new OllamaApiClient(uri | "http://...", model) { SelectedModel = m } where the client is used as an IChatClient: converted to one
    // where it is made (a field, property or local of that type, a return, an argument such as AddChatClient's), cast to one, or held
    // by a `var` local whose every use is as an IChatClient. Anything else is OllamaSharp's own API: the direct-use scan lists it.
    private void PlanOllamaClients(FilePlan file)
    {
        var model = file.Model;
        foreach (var creation in file.Root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var type } && !type.ToString().EndsWith("OllamaApiClient", StringComparison.Ordinal)) continue; // cheap filter
            if (model.GetSymbolInfo(creation).Symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                || constructor.ContainingType.ToDisplayString() != OllamaClientType) continue;
            if (ChatClientUse(model, creation) is not { } replaced) continue;
            var built = OllamaClientParts(model, creation, constructor, file);
            file.Covered.Add(replaced.Span);
            if (built is not var (endpoint, modelArgument)) continue;

            var modelText = MapLiteral(modelArgument, Models);
            if (modelText == modelArgument.ToString() && ModelLocal(file, modelArgument) is { } held && MapLiteral(held, Models) is var mapped && mapped != held.ToString())
            {
                // var chatModel = "llama3.2"; new OllamaApiClient(endpoint, chatModel): the local held only this model, so its value is mapped.
                file.Changes.Add(new TextChange(held.Span, mapped));
                file.Covered.Add(held.Span);
                modelArgument = held;
            }
            if (modelArgument is LiteralExpressionSyntax literal && modelText == modelArgument.ToString())
                file.Notes.Add((Line(modelArgument), $"'{literal.Token.ValueText}' is not a known Ollama model id in this swap's table, so it was kept: set {Provider} model id here."));
            else if (modelArgument is not LiteralExpressionSyntax && modelText == modelArgument.ToString())
                file.Notes.Add((Line(modelArgument), $"the model comes from `{modelArgument}`: it must now name {Provider} model (this swap maps model literals, and the values of the Ollama configuration section once no code uses OllamaSharp)."));
            if (endpoint is not null)
                file.Notes.Add((Line(endpoint), $"the Ollama endpoint `{endpoint}` was dropped: the {To.ConfigurationSection} client talks to {To.ConfigurationSection}'s API " +
                    $"({To.KeyEnvironmentVariable!.Replace("API_KEY", "BASE_URL", StringComparison.Ordinal)} points it at a proxy); a setting that only held the endpoint can go."));
            file.Notes.Add((Line(creation), $"Ollama took no API key: the {To.ConfigurationSection} client reads its key from {To.KeyEnvironmentVariable} (set it)."));
            RemoveEndpointLocals(file, endpoint);
            file.Changes.Add(new TextChange(replaced.Span, To.Create(modelText, null, null, "")));
        }
        if (file.Changes.Count == 0) return;
        foreach (var clause in file.Root.DescendantNodes().OfType<CatchClauseSyntax>())
        {
            if (clause.Declaration is { } declaration && model.GetTypeInfo(declaration.Type).Type?.ToDisplayString() == "System.Net.Http.HttpRequestException")
                file.Notes.Add((Line(clause), $"the {To.ConfigurationSection} client reports HTTP errors as {To.ExceptionType}, not HttpRequestException: check what this handler should catch now."));
        }
    }

    // The node whose value is used as an IChatClient (the creation, or a cast of it), or null when the client serves OllamaSharp's own API.
    private static SyntaxNode? ChatClientUse(SemanticModel model, BaseObjectCreationExpressionSyntax creation)
    {
        if (IsChatClient(model.GetTypeInfo(creation).ConvertedType)) return creation;
        SyntaxNode outer = creation;
        while (outer.Parent is ParenthesizedExpressionSyntax) outer = outer.Parent;
        if (outer.Parent is CastExpressionSyntax cast && IsChatClient(model.GetTypeInfo(cast.Type).Type)) return cast;
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } || !IsVarInitializer(creation)
            || model.GetDeclaredSymbol(declarator) is not ILocalSymbol local) return null;
        var scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax) ?? declarator.SyntaxTree.GetRoot();
        var uses = scope.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, local)).ToList();
        return uses.Count > 0 && uses.All(u => UsedAsChatClient(model, u)) ? creation : null;
    }

    // client.GetResponseAsync("...") (an IChatClient extension), a conversion to IChatClient, or a cast to it.
    private static bool UsedAsChatClient(SemanticModel model, IdentifierNameSyntax use)
    {
        if (IsChatClient(model.GetTypeInfo(use).ConvertedType)) return true;
        if (use.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access && access.Expression == use
            && model.GetSymbolInfo(call).Symbol is IMethodSymbol { IsExtensionMethod: true } extension && IsChatClient(extension.ReceiverType)) return true;
        SyntaxNode outer = use;
        while (outer.Parent is ParenthesizedExpressionSyntax) outer = outer.Parent;
        return outer.Parent is CastExpressionSyntax cast && IsChatClient(model.GetTypeInfo(cast.Type).Type);
    }

    // "an OpenAI", "an Anthropic" (the providers moved to from Ollama), for messages.
    private string Provider => $"an {To.ConfigurationSection}";

    // Code quoted in a message, on one line (a manual step is one line of a plan and of manual.txt).
    internal static string OneLine(SyntaxNode node) => string.Join(' ', node.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsChatClient(ITypeSymbol? type) => type?.ToDisplayString() == ChatClientInterface;

    // The endpoint (null when the client has none of its own) and the model of an OllamaApiClient built from an address;
    // null, with the reason recorded, when it is built in a way the target's client cannot take over.
    private (ExpressionSyntax? Endpoint, ExpressionSyntax Model)? OllamaClientParts(SemanticModel model, BaseObjectCreationExpressionSyntax creation, IMethodSymbol constructor, FilePlan file)
    {
        ExpressionSyntax? endpoint = null, modelArgument = null;
        var arguments = creation.ArgumentList?.Arguments ?? default;
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = arguments[i].NameColon is { } named ? constructor.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)
                : i < constructor.Parameters.Length ? constructor.Parameters[i] : null;
            switch (parameter?.Name)
            {
                case "uriString" or "uri": endpoint = arguments[i].Expression; break;
                case "defaultModel": modelArgument = arguments[i].Expression; break;
                default:
                    file.Unsupported.Add((Line(creation), $"`{OneLine(creation)}` builds the OllamaApiClient from {(parameter?.Type.Name is { } t ? $"a {t}" : "arguments the swap does not know")} " +
                        $"(its settings do not carry over): build the {To.Id} IChatClient by hand."));
                    return null;
            }
        }
        foreach (var setting in creation.Initializer?.Expressions ?? default)
        {
            if (setting is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "SelectedModel" }, Right: var selected }) modelArgument = selected;
            else
            {
                file.Unsupported.Add((Line(setting), $"`{OneLine(setting)}` sets an OllamaApiClient option the swap does not map: build the {To.Id} IChatClient by hand."));
                return null;
            }
        }
        if (modelArgument is null || model.GetConstantValue(modelArgument) is { HasValue: true, Value: "" })
        {
            file.Unsupported.Add((Line(creation), $"`{OneLine(creation)}` names no model (each request must then set ChatOptions.ModelId), and the {To.Id} client is built with one: " +
                $"build the {To.Id} IChatClient by hand with the model to use."));
            return null;
        }
        return (endpoint, modelArgument);
    }

    // The string literal a local read only by this client was initialized with, or null.
    private static LiteralExpressionSyntax? ModelLocal(FilePlan file, ExpressionSyntax modelArgument)
    {
        if (modelArgument is not IdentifierNameSyntax name || file.Model.GetSymbolInfo(name).Symbol is not ILocalSymbol { IsConst: false } local
            || local.DeclaringSyntaxReferences is not [var reference] || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal } declarator
            || !literal.IsKind(SyntaxKind.StringLiteralExpression)) return null;
        var scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax) ?? file.Root;
        var uses = scope.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Count(i => i.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(file.Model.GetSymbolInfo(i).Symbol, local));
        return uses == 1 ? literal : null;
    }

    // var endpoint = "http://localhost:11434"; new OllamaApiClient(endpoint, m): the local only held the dropped endpoint
    // (an unused constant local fails a build that treats warnings as errors), so it goes with it; likewise a Uri built from one.
    private static void RemoveEndpointLocals(FilePlan file, ExpressionSyntax? endpoint)
    {
        for (var depth = 0; depth < 3 && endpoint is not null; depth++)
        {
            var name = endpoint switch
            {
                IdentifierNameSyntax identifier => identifier,
                ObjectCreationExpressionSyntax { ArgumentList.Arguments: [{ Expression: IdentifierNameSyntax inner }] } => inner,
                ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments: [{ Expression: IdentifierNameSyntax inner }] } => inner,
                _ => null,
            };
            if (name is null || file.Model.GetSymbolInfo(name).Symbol is not ILocalSymbol local
                || local.DeclaringSyntaxReferences is not [var reference] || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } statement
                || value is not (LiteralExpressionSyntax or BaseObjectCreationExpressionSyntax or InterpolatedStringExpressionSyntax)) return;
            var scope = (SyntaxNode?)statement.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax) ?? file.Root;
            var uses = scope.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Count(i => i.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(file.Model.GetSymbolInfo(i).Symbol, local));
            if (uses != 1) return;
            var removed = statement.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : statement;
            var text = file.Model.SyntaxTree.GetText();
            var (first, last) = (text.Lines.GetLineFromPosition(removed.SpanStart), text.Lines.GetLineFromPosition(removed.Span.End));
            // Only a statement alone on its lines goes, with those lines.
            if (text.ToString(TextSpan.FromBounds(first.Start, removed.SpanStart)).Trim().Length > 0 || text.ToString(TextSpan.FromBounds(removed.Span.End, last.End)).Trim().Length > 0) return;
            file.Changes.Add(new TextChange(TextSpan.FromBounds(first.Start, last.EndIncludingLineBreak), ""));
            file.Covered.Add(removed.Span);
            endpoint = value;
        }
    }

    // Why one use of OllamaSharp's own API is not moved, in a developer's words.
    private string OllamaDirectUse(SimpleNameSyntax name, ISymbol symbol)
    {
        var what = $"`{OneLine(name.Parent is MemberAccessExpressionSyntax or BaseObjectCreationExpressionSyntax or QualifiedNameSyntax ? name.Parent : name)}`";
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        if (type?.Name == "Chat")
            return $"{what} uses OllamaSharp's Chat, which keeps the conversation itself and talks to Ollama's /api/chat: rewrite it on IChatClient " +
                   "(a List<ChatMessage> and GetStreamingResponseAsync) by hand, then swap the provider.";
        if (ServerManagement.Contains(symbol.Name))
            return $"{what} manages the Ollama server (models, blobs, version), which {To.ConfigurationSection} has no counterpart for: it stays on Ollama (keep OllamaSharp for it) or goes, by hand.";
        if (symbol.Name is "EmbedAsync" || type?.Name is "EmbedRequest" or "EmbedResponse")
            return $"{what} makes embeddings with OllamaSharp; this swap moves chat only: keep OllamaSharp for them, or move them to an embeddings API by hand.";
        if (symbol.Name is "GenerateAsync" or "ChatAsync" || type?.Name is "GenerateRequest" or "ChatRequest" or "Message" or "ChatResponseStream" or "GenerateResponseStream")
            return $"{what} calls Ollama's own completion API: port it to IChatClient (GetResponseAsync, GetStreamingResponseAsync) by hand, then swap the provider.";
        if (type?.Name is "OllamaApiClient" or "IOllamaApiClient")
            return name.Parent is BaseObjectCreationExpressionSyntax
                ? $"{what} is not used as an IChatClient here (it serves OllamaSharp's own API, or is held as an OllamaApiClient): hold it as an IChatClient where only chat is used, then plan again."
                : symbol is ITypeSymbol
                    ? $"{what} holds the client as OllamaSharp's {type.Name}, not as an IChatClient: declare it IChatClient where only chat is used, then plan again."
                    : $"{what} uses the {type.Name}'s own {symbol.Name}, which IChatClient does not have: do without it (set the model where the client is built), then plan again.";
        return $"{what} uses OllamaSharp's own API (not IChatClient): port it to IChatClient by hand, then swap the provider.";
    }
}
