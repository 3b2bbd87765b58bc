using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Rewriters.OpenAi;

namespace Toolkit.Transforms.Rewriters.Anthropic;

internal sealed partial class MessagesRewrite
{
    private const string ClientType = "Anthropic.AnthropicClient";

    // Anthropic type -> Microsoft.Extensions.AI type, wherever a type is named (fields, parameters, DI type arguments...).
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [ClientType] = "IChatClient", ["Anthropic.IAnthropicClient"] = "IChatClient",
        [Messages + "MessageParam"] = "ChatMessage", [Messages + "UserMessageParam"] = "ChatMessage", [Messages + "AssistantMessageParam"] = "ChatMessage",
        [Messages + "Message"] = "ChatResponse",
        [Messages + "RawMessageStreamEvent"] = "ChatResponseUpdate",
    };

    // new AnthropicClient() / new AnthropicClient { ApiKey = k, BaseUrl = u } -> the target's IChatClient.
    private void PlanClients()
    {
        foreach (var creation in _root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var type } && !type.ToString().EndsWith("AnthropicClient", StringComparison.Ordinal)) continue; // cheap filter
            if (model.GetTypeInfo(creation).Type is not { } created || FullName(created) != ClientType || IsChatClientAdapter(creation.Parent?.Parent ?? creation)) continue;
            if (creation.ArgumentList is { Arguments.Count: > 0 })
            {
                Unsupported.Add((LineOf(creation), $"`{Describe(creation)}` builds the AnthropicClient from ClientOptions: build the {recipe.To.Id} IChatClient by hand."));
                continue;
            }
            ExpressionSyntax? key = null, baseUrl = null;
            var ok = true;
            foreach (var setting in creation.Initializer?.Expressions ?? default)
            {
                switch (setting)
                {
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ApiKey" }, Right: var value }: key = value; break;
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "BaseUrl" }, Right: var value }: baseUrl = value; break;
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Timeout" or "MaxRetries" } name }:
                        Notes.Add((LineOf(setting), $"the AnthropicClient's {name.Identifier.ValueText} was dropped: set one on the {recipe.To.Id} client if you need it."));
                        break;
                    default:
                        Unsupported.Add((LineOf(setting), $"`{setting}` sets an AnthropicClient option the swap does not map: build the {recipe.To.Id} IChatClient by hand."));
                        ok = false;
                        break;
                }
            }
            if (!ok) continue;
            var kept = new[] { key, baseUrl }.OfType<SyntaxNode>().ToArray();
            Replace(creation, () => Creation(creation, key, baseUrl), kept);
            _createsClient = true;
            Notes.Add((LineOf(creation), $"the {recipe.To.Id} client is built with model \"{recipe.DefaultModel}\"; every request still names its own (ChatOptions.ModelId), as the Anthropic requests did."));
        }
    }

    private string Creation(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax? key, ExpressionSyntax? baseUrl)
    {
        var modelText = SyntaxFactory.Literal(recipe.DefaultModel).Text;
        var to = recipe.To;
        string text;
        if (to == ChatProvider.Ollama)
        {
            if (key is not null) Notes.Add((LineOf(key), "Ollama takes no API key: the key given to the AnthropicClient is no longer used here."));
            if (baseUrl is not null) Notes.Add((LineOf(baseUrl), $"the Anthropic base URL was dropped: the Ollama endpoint is read from {ChatProvider.OllamaEndpointKey}."));
            text = to.Create(modelText, null, null, ChatProvider.OllamaEndpoint(model, creation));
            // var chat = new OllamaApiClient(...) would hold the concrete type: keep it an IChatClient.
            if (creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } }) text = "(IChatClient)" + text;
            return text;
        }
        // The key goes where the ChatClient takes a non-null string: a maybe-null read (an environment variable) fails there as it did before.
        if (key is not null && !key.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Any(l => l.Token.ValueText == "ANTHROPIC_API_KEY"))
            Notes.Add((LineOf(key), $"the API key comes from `{key}`: it must now hold {ProviderName} key."));
        var keyText = key is null ? $"Environment.GetEnvironmentVariable(\"{to.KeyEnvironmentVariable}\")!"
            : MapText(key, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = to.KeyEnvironmentVariable ?? "" })
              + (model.GetTypeInfo(key).Nullability.FlowState == NullableFlowState.MaybeNull ? "!" : "");
        if (baseUrl is null) return $"new OpenAI.Chat.ChatClient({modelText}, {keyText}).AsIChatClient()";
        // The base URL a stand-in or a proxy sets through ANTHROPIC_BASE_URL: the same for OpenAI through OPENAI_BASE_URL.
        var mapped = MapText(baseUrl, new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = "OPENAI_BASE_URL", ["https://api.anthropic.com"] = "https://api.openai.com/v1", ["https://api.anthropic.com/"] = "https://api.openai.com/v1" });
        var literals = baseUrl.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Select(l => l.Token.ValueText).ToList();
        if (literals.Count == 0 || literals.Any(l => l is not ("ANTHROPIC_BASE_URL" or "https://api.anthropic.com" or "https://api.anthropic.com/")))
        {
            Notes.Add((LineOf(baseUrl), $"the Anthropic base URL `{baseUrl}` was dropped (it points at Anthropic or a proxy for it): set an OpenAI endpoint by hand if you need one."));
            return $"new OpenAI.Chat.ChatClient({modelText}, {keyText}).AsIChatClient()";
        }
        return $"new OpenAI.Chat.ChatClient({modelText}, new System.ClientModel.ApiKeyCredential({keyText}), new OpenAI.OpenAIClientOptions {{ Endpoint = new Uri({mapped}) }}).AsIChatClient()";
    }

    // Type names: AnthropicClient -> IChatClient, MessageParam -> ChatMessage, Message -> ChatResponse...
    private void PlanTypes()
    {
        foreach (var type in _root.DescendantNodes().OfType<NameSyntax>())
        {
            if (type is not (IdentifierNameSyntax { IsVar: false } or QualifiedNameSyntax) || type.Parent is QualifiedNameSyntax || type.Ancestors().Any(a => a is UsingDirectiveSyntax)) continue;
            if (!SyntaxFacts.IsInTypeOnlyContext(type) || type.Parent is BaseObjectCreationExpressionSyntax) continue;
            if (model.GetSymbolInfo(type).Symbol is not INamedTypeSymbol symbol || !Types.TryGetValue(FullName(symbol), out var replacement)) continue;
            // services.AddSingleton<AnthropicClient>(): the container would build the client itself, and it cannot build an interface.
            if (type.Parent is TypeArgumentListSyntax { Parent: GenericNameSyntax generic } && generic.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } registration }
                && generic.Identifier.ValueText.Contains("Add", StringComparison.Ordinal))
            {
                Unsupported.Add((LineOf(type), $"`{registration}` lets the container build the AnthropicClient: register a factory that builds the {recipe.To.Id} IChatClient by hand."));
                continue;
            }
            Replace(type, () => replacement);
        }
    }

    private static string MapText(ExpressionSyntax expression, IReadOnlyDictionary<string, string> map) => SwapChatClientProvider.MapLiteral(expression, map);
}
