using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    private const string ChatClientType = "OpenAI.Chat.ChatClient";
    internal const string OpenAiClientType = "OpenAI.OpenAIClient";
    private const string AzureClientType = "Azure.AI.OpenAI.AzureOpenAIClient";

    // Where a ChatClient is made: new ChatClient(model, key[, options]) and root.GetChatClient(model),
    // the root an OpenAIClient or AzureOpenAIClient built inline or in a field or local of this file.
    // The expression becomes the target provider's IChatClient; everything that holds or passes it
    // (fields, parameters, DI registrations, factory return types) only changes its type name.
    private void PlanClients()
    {
        foreach (var creation in _root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var type } && !type.ToString().EndsWith("ChatClient", StringComparison.Ordinal)) continue; // cheap filter
            if (Constructor(creation) is not { } constructor || FullName(constructor.ContainingType) != ChatClientType) continue;
            CallSites++;
            var modelArgument = Argument(creation.ArgumentList, constructor, "model");
            var keyArgument = Argument(creation.ArgumentList, constructor, "apiKey") ?? KeyOfCredential(Argument(creation.ArgumentList, constructor, "credential"));
            var options = Argument(creation.ArgumentList, constructor, "options");
            if (modelArgument is null || keyArgument is null || (options is null && constructor.Parameters.Length != 2))
            {
                Unsupported.Add((LineOf(creation), $"`{Describe(creation)}` builds the ChatClient with a pipeline or an authentication policy: build the IChatClient by hand."));
                continue;
            }
            if (recipe.Source == "azure-openai")
            {
                Unsupported.Add((LineOf(creation), $"`{Describe(creation)}` is an OpenAI client, not an Azure OpenAI one: use the ai:openai={recipe.Provider.Id} swap for this app."));
                continue;
            }
            var timeout = options is null ? null : ClientOptions(options, creation);
            if (options is not null && timeout is null) continue;
            NoteCarriedKey(keyArgument, creation);
            PlanCreation(creation, modelArgument, MapKey(keyArgument), string.IsNullOrEmpty(timeout) ? null : timeout);
        }

        foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetChatClient" } access) continue; // cheap filter
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
            {
                // GetChatClient(model?.ModelId) with the model from a package that is not restored: where the model comes from is unknown.
                if (model.GetSymbolInfo(invocation).CandidateSymbols.Any(IsChatSymbol) && invocation.ArgumentList.Arguments.FirstOrDefault(a => TypeOf(a.Expression) is null or IErrorTypeSymbol) is { } unbound)
                {
                    CallSites++;
                    Unsupported.Add((LineOf(invocation), $"`{Describe(invocation)}` takes its model from `{Describe(unbound.Expression)}`, which does not bind (its package or project is not among the references restored), so the model the {recipe.Provider.Id} client should use is not known: build the IChatClient by hand, or restore it and plan again."));
                    Accept(access.Name);
                }
                continue;
            }
            CallSites++;
            var modelArgument = Argument(invocation.ArgumentList, method, "model") ?? Argument(invocation.ArgumentList, method, "deploymentName");
            if (modelArgument is null)
            {
                Unsupported.Add((LineOf(invocation), $"`{Describe(invocation)}` does not name its model: build the IChatClient by hand."));
                continue;
            }
            if (PlanHandedRoot(invocation, access, modelArgument)) continue;
            if (RootClient(access.Expression, invocation) is not { } root) continue;
            PlanCreation(invocation, modelArgument, root.Key, root.Timeout);
        }
        MapModelOrigins();
    }

    private void PlanCreation(ExpressionSyntax creation, ExpressionSyntax modelArgument, string? key, string? timeout)
    {
        var modelText = MapLiterals(modelArgument, recipe.Models, unmapped => Notes.Add((LineOf(unmapped),
            $"'{unmapped.Token.ValueText}' is not a known OpenAI model id, so it was kept: set a {recipe.Provider.Id} model id here.")));
        ModelFromEnvironment(modelArgument);
        if (recipe.Provider == ChatProvider.Ollama && key is not null)
            Notes.Add((LineOf(creation), "Ollama takes no API key: the key given to the OpenAI client is no longer used here."));
        var text = recipe.Provider.Create(modelText, recipe.Provider == ChatProvider.Ollama ? null : key, timeout, ChatProvider.OllamaEndpoint(model, creation, recipe.Endpoint));
        // var chat = new OllamaApiClient(...) would hold the concrete type: keep it an IChatClient.
        if (creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } } && recipe.Provider == ChatProvider.Ollama)
            text = "(IChatClient)" + text;
        // chat.AsIChatClient() (Microsoft.Extensions.AI.OpenAI), as DI helpers such as AddChatClient take it: the new client already is one.
        SyntaxNode replaced = creation;
        if (creation.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsIChatClient", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } asChat } adapter
            && adapter.Expression == creation && model.GetSymbolInfo(asChat).Symbol is IMethodSymbol { ReturnType.Name: "IChatClient" })
            replaced = asChat;
        Replace(replaced, text);
        _createsClient = true;
    }

    // The key and timeout of the OpenAIClient or AzureOpenAIClient that GetChatClient is called on.
    private (string? Key, string? Timeout)? RootClient(ExpressionSyntax receiver, InvocationExpressionSyntax use)
    {
        var origin = receiver switch
        {
            BaseObjectCreationExpressionSyntax creation => creation,
            _ => CreationHeldBy(receiver, use),
        };
        if (origin is null || Constructor(origin) is not { } constructor)
        {
            var type = TypeOf(receiver)?.Name ?? "OpenAIClient";
            Unsupported.Add((LineOf(use), CreatedElsewhere(receiver, use, type)));
            return null;
        }
        var rootType = FullName(constructor.ContainingType);
        if ((rootType == AzureClientType) != (recipe.Source == "azure-openai"))
        {
            Unsupported.Add((LineOf(use), rootType == AzureClientType
                ? $"the ChatClient comes from an AzureOpenAIClient (`{Describe(origin)}`): use the ai:azure-openai={recipe.Provider.Id} swap for this app."
                : $"the ChatClient comes from an OpenAIClient, not an Azure OpenAI one: use the ai:openai={recipe.Provider.Id} swap for this app."));
            return null;
        }
        if (rootType == AzureClientType)
        {
            RemoveCredentialLocal(origin);
            Notes.Add((LineOf(use), $"the Azure OpenAI deployment and key do not carry over: the {recipe.Provider.Id} client reads its key from {recipe.Provider.KeyEnvironmentVariable ?? "nowhere (none needed)"}, and the deployment name is kept as the model id unless it is a known OpenAI model id."));
            return (null, null);
        }
        if (rootType != OpenAiClientType)
        {
            Unsupported.Add((LineOf(use), $"`{receiver}` is not an OpenAIClient built here: build the IChatClient by hand."));
            return null;
        }
        var key = Argument(origin.ArgumentList, constructor, "apiKey") ?? KeyOfCredential(Argument(origin.ArgumentList, constructor, "credential"));
        var options = Argument(origin.ArgumentList, constructor, "options");
        if (key is null || (options is null && constructor.Parameters.Length != 1))
        {
            Unsupported.Add((LineOf(origin), $"`{Describe(origin)}` is built with a pipeline or an authentication policy: build the IChatClient by hand."));
            return null;
        }
        if (origin != receiver && !Portable(key, use))
        {
            Unsupported.Add((LineOf(use), $"the ChatClient comes from `{Describe(use)}`, and the key of `{receiver}` (line {LineOf(origin)}) is not visible here: build the IChatClient by hand."));
            return null;
        }
        var timeout = options is null ? "" : ClientOptions(options, origin);
        if (timeout is null) return null;
        if (origin != receiver && MapKey(key) == key.ToString() && RootServesKeptCode(receiver, use)) return (null, timeout.Length == 0 ? null : timeout);
        NoteCarriedKey(key, use);
        return (MapKey(key), timeout.Length == 0 ? null : timeout);
    }

    // The constructor a creation calls; when an argument does not bind (its type is in code not compiled
    // here) the one overload taking a string key (or a credential) in its place, as the text is kept as it is.
    private IMethodSymbol? Constructor(BaseObjectCreationExpressionSyntax creation)
    {
        var info = model.GetSymbolInfo(creation);
        if (info.Symbol is IMethodSymbol bound) return bound;
        var count = creation.ArgumentList?.Arguments.Count ?? 0;
        var candidates = info.CandidateSymbols.OfType<IMethodSymbol>().Where(c => c.MethodKind == MethodKind.Constructor && c.Parameters.Length == count).ToList();
        if (candidates.Select(c => c.ContainingType).Distinct(SymbolEqualityComparer.Default).Count() != 1) return null;
        return candidates.FirstOrDefault(c => c.Parameters.FirstOrDefault()?.Type.SpecialType == SpecialType.System_String)
            ?? candidates.FirstOrDefault(c => c.Parameters.FirstOrDefault()?.Name == "credential");
    }

    // A field or local of this file that holds `new OpenAIClient(...)`: its one creation, and its
    // declaration removed when GetChatClient was its only use.
    private BaseObjectCreationExpressionSyntax? CreationHeldBy(ExpressionSyntax receiver, InvocationExpressionSyntax use)
    {
        if (model.GetSymbolInfo(receiver).Symbol is not ({ Kind: SymbolKind.Field or SymbolKind.Local } and var holder)) return null;
        if (holder.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax declarator || declarator.SyntaxTree != _root.SyntaxTree) return null;
        var uses = _root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == holder.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, holder))
            .Select(i => i.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self && self.Name == i ? (ExpressionSyntax)self : i)
            .ToList();
        var assignments = uses.Where(u => u.Parent is AssignmentExpressionSyntax a && a.Left == u).Select(u => (AssignmentExpressionSyntax)u.Parent!).ToList();
        var creation = declarator.Initializer is { } initializer
            ? (assignments.Count == 0 ? initializer.Value as BaseObjectCreationExpressionSyntax : null)
            : (assignments.Count == 1 ? assignments[0].Right as BaseObjectCreationExpressionSyntax : null);
        if (creation is null) return null;
        // Used only to make chat clients: the holder goes with them.
        var chatOnly = uses.All(u => u.Parent is AssignmentExpressionSyntax a && a.Left == u
            || u.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetChatClient" } m && m.Expression == u);
        if (chatOnly && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: (FieldDeclarationSyntax or LocalDeclarationStatementSyntax) and var declaration })
        {
            if (!HasEdit(declaration)) Remove(declaration);
            foreach (var assignment in assignments)
                if (assignment.Parent is ExpressionStatementSyntax statement && !HasEdit(statement)) Remove(statement);
        }
        return creation;
    }

    // True when every name in the key expression means the same thing at `use` (statics, or the same member body).
    private bool Portable(ExpressionSyntax key, SyntaxNode use)
    {
        // Top-level statements are one body (one per statement in the syntax).
        static SyntaxNode? Body(SyntaxNode node) => node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax) is GlobalStatementSyntax global ? global.Parent : node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax);
        var keyBody = Body(key);
        var useBody = Body(use);
        foreach (var name in key.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Parent is MemberAccessExpressionSyntax { Expression: not ThisExpressionSyntax } member && member.Name == name) continue; // settings.ApiKey: settings decides
            var symbol = model.GetSymbolInfo(name).Symbol;
            if (symbol is null or INamespaceSymbol or ITypeSymbol || symbol.IsStatic) continue;
            if (symbol is ILocalSymbol or IParameterSymbol && keyBody == useBody) continue;
            if (symbol is IFieldSymbol or IPropertySymbol or IMethodSymbol && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, model.GetEnclosingSymbol(use.SpanStart)?.ContainingType)) continue;
            return false;
        }
        return true;
    }

    // OpenAIClientOptions { Endpoint, NetworkTimeout, ... }: the timeout carries over ("" when none), the
    // endpoint and organization do not (another provider's endpoint); null when something else is set.
    private string? ClientOptions(ExpressionSyntax options, SyntaxNode client)
    {
        // var options = new OpenAIClientOptions { ... }; new ChatClient(model, key, options): the local goes with the client.
        if (options is IdentifierNameSyntax && LocalCreation(options) is { } held) options = held;
        var initializer = options switch
        {
            BaseObjectCreationExpressionSyntax { Initializer: var init } creation when IsType(creation, "OpenAI.OpenAIClientOptions") || IsType(creation, "Azure.AI.OpenAI.AzureOpenAIClientOptions") => init,
            _ => null,
        };
        if (initializer is null && options is not BaseObjectCreationExpressionSyntax)
        {
            Unsupported.Add((LineOf(options), $"the client options `{Describe(options)}` are built elsewhere: build the IChatClient by hand."));
            return null;
        }
        string timeout = "";
        foreach (var expression in initializer?.Expressions ?? default)
        {
            if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var property } } assignment)
            {
                Unsupported.Add((LineOf(expression), "these client options are not simple assignments: build the IChatClient by hand."));
                return null;
            }
            switch (property)
            {
                case "NetworkTimeout" when recipe.Provider != ChatProvider.Ollama:
                    timeout = assignment.Right.ToString();
                    break;
                case "Endpoint" or "OrganizationId" or "ProjectId" or "UserAgentApplicationId" or "NetworkTimeout":
                    Notes.Add((LineOf(assignment), $"`{property} = {Describe(assignment.Right)}` of the OpenAI client does not apply to {recipe.Provider.Id} and was dropped" +
                        (property == "Endpoint" && recipe.Provider.KeyEnvironmentVariable is { } variable ? $" (a proxy for {recipe.Provider.Id} is set with {variable.Replace("API_KEY", "BASE_URL", StringComparison.Ordinal)})." : ".")));
                    break;
                default:
                    Unsupported.Add((LineOf(assignment), $"the client option `{property}` has no {recipe.Provider.Id} counterpart the swap knows: build the IChatClient by hand."));
                    return null;
            }
        }
        return timeout;
    }

    // The creation a local of this body holds when its only use is `use` (its declaration is then removed).
    private BaseObjectCreationExpressionSyntax? LocalCreation(ExpressionSyntax use)
    {
        if (model.GetSymbolInfo(use).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax creation } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }) return null;
        var body = statement.Parent;
        var uses = body?.DescendantNodes().OfType<IdentifierNameSyntax>().Count(i => i.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, local));
        if (uses != 1) return null;
        if (!HasEdit(statement)) Remove(statement);
        return creation;
    }

    private string MapKey(ExpressionSyntax key) => MapLiterals(key, recipe.KeyVariables);

    // OpenAI__ApiKey is the environment's spelling of the configuration key OpenAI:ApiKey, which the swap
    // renames with its section: the variable follows (Anthropic__ApiKey).
    private string? SectionVariable(string name)
    {
        if (recipe.Provider.KeyEnvironmentVariable is null) return null;
        foreach (var old in new[] { "AzureOpenAI__", "OpenAI__" })
            if (name.StartsWith(old, StringComparison.OrdinalIgnoreCase) && name.Length > old.Length)
                return recipe.Provider.ConfigurationSection + "__" + name[old.Length..];
        return null;
    }

    private static ExpressionSyntax? Argument(BaseArgumentListSyntax? arguments, IMethodSymbol method, string parameterName)
    {
        if (arguments is null) return null;
        var parameter = method.Parameters.FirstOrDefault(p => p.Name == parameterName);
        if (parameter is null) return null;
        var index = method.Parameters.IndexOf(parameter);
        var named = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName);
        if (named is not null) return named.Expression;
        return index < arguments.Arguments.Count && arguments.Arguments[index].NameColon is null ? arguments.Arguments[index].Expression : null;
    }

    // new ApiKeyCredential(key) -> key
    private ExpressionSyntax? KeyOfCredential(ExpressionSyntax? credential) =>
        credential is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var key] } creation
        && TypeOf(creation) is { } type && FullName(type) is "System.ClientModel.ApiKeyCredential" or "Azure.AzureKeyCredential"
            ? key.Expression
            : null;

    /// <summary>The expression's text with mapped string literals replaced (model ids, environment variable names); configuration keys are not values.</summary>
    private string MapLiterals(ExpressionSyntax expression, IReadOnlyDictionary<string, string> map, Action<LiteralExpressionSyntax>? unmapped = null)
    {
        var literals = expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
            .Where(l => IsString(l) && !Recipes.Primitives.ConfigurationKeyLiterals.IsKey(l)
                && !l.Ancestors().TakeWhile(a => a != expression.Parent).OfType<InvocationExpressionSyntax>().Any(i => i.Expression.ToString().EndsWith("GetEnvironmentVariable", StringComparison.Ordinal) && map != recipe.KeyVariables))
            .ToList();
        var text = expression.ToString();
        foreach (var literal in literals.OrderByDescending(l => l.SpanStart))
        {
            if (map == recipe.Models ? !TryMapModel(literal, out var mapped)
                : !map.TryGetValue(literal.Token.ValueText, out mapped) && (SectionVariable(literal.Token.ValueText) is not { } section || (mapped = section) is null))
            {
                unmapped?.Invoke(literal);
                continue;
            }
            var start = literal.SpanStart - expression.SpanStart;
            text = text[..start] + SyntaxFactory.Literal(mapped).Text + text[(start + literal.Span.Length)..];
        }
        return text;
    }
}
