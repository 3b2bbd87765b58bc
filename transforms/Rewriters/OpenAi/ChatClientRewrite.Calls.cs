using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["SystemChatMessage"] = "System", ["DeveloperChatMessage"] = "System", ["UserChatMessage"] = "User", ["AssistantChatMessage"] = "Assistant",
        ["CreateSystemMessage"] = "System", ["CreateDeveloperMessage"] = "System", ["CreateUserMessage"] = "User", ["CreateAssistantMessage"] = "Assistant",
    };

    // client.CompleteChatAsync(...) -> GetResponseAsync; CompleteChat -> GetResponseAsync(...).GetAwaiter().GetResult();
    // CompleteChatStreamingAsync -> GetStreamingResponseAsync. The params form becomes a collection expression.
    private void PlanCalls()
    {
        foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompleteChatAsync" or "CompleteChat" or "CompleteChatStreamingAsync" or "CompleteChatStreaming" } access) continue;
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || FullName(method.ContainingType) != ChatClientType) continue;
            CallSites++;
            var name = method.Name switch
            {
                "CompleteChatAsync" or "CompleteChat" => "GetResponseAsync",
                _ => "GetStreamingResponseAsync",
            };
            var arguments = invocation.ArgumentList.Arguments;
            var kept = new List<SyntaxNode> { access.Expression };
            Func<string[], string> list;
            if (method.Parameters is [{ IsParams: true }] && !(arguments is [var only] && model.GetTypeInfo(only.Expression).ConvertedType is IArrayTypeSymbol))
            {
                // params ChatMessage[]: one string stays GetResponseAsync("text"); otherwise a collection expression.
                kept.AddRange(arguments.Select(a => a.Expression));
                var strings = arguments.Select(a => TypeOf(a.Expression)?.SpecialType == SpecialType.System_String).ToList();
                list = k => arguments.Count == 1 && strings[0] ? k[1]
                    : "[" + string.Join(", ", k.Skip(1).Select((text, i) => strings[i] ? $"new ChatMessage(ChatRole.User, {text})" : text)) + "]";
            }
            else
            {
                kept.Add(invocation.ArgumentList); // kept as written (layout, comments, named arguments: the names match)
                list = k => k[1][1..^1];
            }
            var sync = method.Name == "CompleteChat";
            var syncStreaming = method.Name == "CompleteChatStreaming";
            if (sync) Notes.Add((LineOf(invocation), "IChatClient has no synchronous call: this waits on GetResponseAsync; make the caller async when you can."));
            if (syncStreaming) Notes.Add((LineOf(invocation), "IChatClient streams only asynchronously: this enumerates GetStreamingResponseAsync blocking (ToBlockingEnumerable); make the caller async when you can."));
            var bridge = name == "GetStreamingResponseAsync" ? BridgeOf(invocation) : "";
            Replace(invocation, kept, k => $"{k[0]}.{name}({list(k)})" + bridge + (sync ? ".GetAwaiter().GetResult()" : syncStreaming ? ".ToBlockingEnumerable()" : ""));
        }
    }

    // new UserChatMessage(text) -> new ChatMessage(ChatRole.User, text); parts -> AIContent list;
    // ChatMessage.CreateUserMessage(text); new AssistantChatMessage(completion); content parts.
    private void PlanMessages()
    {
        foreach (var creation in _root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var type } && !type.ToString().EndsWith("Message", StringComparison.Ordinal)) continue; // cheap filter
            if (model.GetSymbolInfo(creation).Symbol is not IMethodSymbol { ContainingType: var messageType } constructor || FullName(messageType) is not { } full || !full.StartsWith("OpenAI.Chat.", StringComparison.Ordinal)) continue;
            if (!messageType.Name.EndsWith("Message", StringComparison.Ordinal)) continue; // new() { Tools = ... } of options: their properties map one by one
            PlanMessage(creation, messageType.Name, constructor, creation.ArgumentList?.Arguments ?? default, creation.Initializer);
        }
        foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = invocation.Expression switch { MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText, IdentifierNameSyntax i => i.Identifier.ValueText, GenericNameSyntax g => g.Identifier.ValueText, _ => "" };
            if (name == "Read" || invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Read" } })
            {
                PlanOptionsFromJson(invocation);
                continue;
            }
            if (!name.StartsWith("Create", StringComparison.Ordinal)) continue; // cheap filter
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { IsStatic: true } method || !FullName(method.ContainingType).StartsWith("OpenAI.Chat.", StringComparison.Ordinal)) continue;
            var arguments = invocation.ArgumentList.Arguments;
            switch (method.ContainingType.Name, method.Name)
            {
                case ("ChatMessage", _) when Roles.TryGetValue(method.Name, out _):
                    PlanMessage(invocation, method.Name, method, arguments, null);
                    break;
                case ("ChatMessageContentPart", "CreateTextPart") when arguments.Count == 1:
                    Replace(invocation, arguments[0].Expression, t => $"new TextContent({t})");
                    break;
                case ("ChatMessageContentPart", "CreateImagePart") when arguments.Count >= 1 && TypeOf(arguments[0].Expression)?.Name == "Uri":
                    if (arguments.Count > 1) Notes.Add((LineOf(invocation), "the image detail level has no IChatClient counterpart and was dropped."));
                    Replace(invocation, arguments[0].Expression, t => $"new UriContent({t}, \"image/*\")");
                    break;
                case ("ChatMessageContentPart", "CreateImagePart") when arguments.Count >= 2 && TypeOf(arguments[0].Expression)?.Name == "BinaryData":
                    if (arguments.Count > 2) Notes.Add((LineOf(invocation), "the image detail level has no IChatClient counterpart and was dropped."));
                    // BinaryData.FromBytes(bytes): the bytes themselves (BinaryData leaves with the OpenAI package).
                    var bytes = BytesOf(arguments[0].Expression);
                    Replace(invocation, [bytes ?? arguments[0].Expression, arguments[1].Expression], k => bytes is null ? $"new DataContent({k[0]}.ToMemory(), {k[1]})" : $"new DataContent({k[0]}, {k[1]})");
                    break;
                case ("ChatResponseFormat", "CreateJsonObjectFormat") when arguments.Count == 0:
                    Replace(invocation, "ChatResponseFormat.Json");
                    break;
                case ("ChatResponseFormat", "CreateTextFormat") when arguments.Count == 0:
                    Replace(invocation, "ChatResponseFormat.Text");
                    break;
                case ("ChatResponseFormat", "CreateJsonSchemaFormat") when arguments.Count is >= 2 and <= 4 && Argument(invocation.ArgumentList, method, "jsonSchemaFormatName") is { } schemaName
                    && Argument(invocation.ArgumentList, method, "jsonSchema") is { } schema:
                    var description = Argument(invocation.ArgumentList, method, "jsonSchemaFormatDescription");
                    var (schemaJson, schemaElement) = JsonElementOf(schema);
                    Replace(invocation, description is null ? [schemaJson, schemaName] : [schemaJson, schemaName, description],
                        k => $"ChatResponseFormat.ForJsonSchema({schemaElement(k[0])}, {k[1]}{(k.Length > 2 ? ", " + k[2] : "")})");
                    NoteJsonSchema(invocation, Argument(invocation.ArgumentList, method, "jsonSchemaIsStrict") is not null);
                    break;
                case ("ChatTool", "CreateFunctionTool"):
                    PlanFunctionTool(invocation, method);
                    break;
                case ("ChatToolChoice", "CreateAutoChoice"):
                    Replace(invocation, "ChatToolMode.Auto");
                    break;
                case ("ChatToolChoice", "CreateNoneChoice"):
                    Replace(invocation, "ChatToolMode.None");
                    break;
                case ("ChatToolChoice", "CreateRequiredChoice"):
                    Replace(invocation, "ChatToolMode.RequireAny");
                    break;
                case ("ChatToolChoice", "CreateFunctionChoice") when arguments.Count == 1:
                    Replace(invocation, arguments[0].Expression, t => $"ChatToolMode.RequireSpecific({t})");
                    break;
            }
        }
    }

    // A JSON schema given as BinaryData, as a JsonElement. BinaryData (System.Memory.Data) came with the OpenAI
    // package and leaves with it, so BinaryData.FromString(json) is read with System.Text.Json instead; other
    // BinaryData values are converted where they are.
    private (SyntaxNode Kept, Func<string, string> AsElement) JsonElementOf(ExpressionSyntax binaryData) =>
        binaryData is InvocationExpressionSyntax { ArgumentList.Arguments: [var json] } call
        && model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "FromString", ContainingType.Name: "BinaryData" }
            ? (json.Expression, k => $"System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>({k})")
            : (binaryData, k => $"{k}.ToObjectFromJson<System.Text.Json.JsonElement>()");

    // ModelReaderWriter.Read<ChatCompletionOptions>(BinaryData.FromString("{...}")) with a JSON literal: the same options, typed.
    private void PlanOptionsFromJson(InvocationExpressionSyntax invocation)
    {
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { Name: "Read", TypeArguments: [var target] } method
            || method.ContainingType.Name != "ModelReaderWriter" || FullName(target) != "OpenAI.Chat.ChatCompletionOptions") return;
        if (invocation.ArgumentList.Arguments is not [{ Expression: InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax json }] } fromString }]
            || !fromString.Expression.ToString().EndsWith("BinaryData.FromString", StringComparison.Ordinal) || !IsString(json)) return; // coverage reports it
        var properties = new List<string>();
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json.Token.ValueText);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                string? line = (property.Name, value.ValueKind) switch
                {
                    ("temperature" or "top_p" or "frequency_penalty" or "presence_penalty", System.Text.Json.JsonValueKind.Number) =>
                        $"{JsonOptionNames[property.Name]} = {value.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}f",
                    ("max_tokens" or "max_completion_tokens", System.Text.Json.JsonValueKind.Number) when value.TryGetInt32(out var tokens) => $"MaxOutputTokens = {tokens}",
                    ("seed", System.Text.Json.JsonValueKind.Number) when value.TryGetInt64(out var seed) => $"Seed = {seed}",
                    _ => null,
                };
                if (line is null) return; // coverage reports it
                properties.Add(line);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }
        Replace(invocation, $"new ChatOptions {{ {string.Join(", ", properties)} }}");
    }

    private static readonly Dictionary<string, string> JsonOptionNames = new(StringComparer.Ordinal)
    {
        ["temperature"] = "Temperature", ["top_p"] = "TopP", ["frequency_penalty"] = "FrequencyPenalty", ["presence_penalty"] = "PresencePenalty",
    };

    private void PlanMessage(ExpressionSyntax node, string kind, IMethodSymbol method, SeparatedSyntaxList<ArgumentSyntax> arguments, InitializerExpressionSyntax? initializer)
    {
        if (initializer is not null)
        {
            Unsupported.Add((LineOf(node), $"`{Describe(node)}` sets message properties (such as ParticipantName) that IChatClient messages do not have: port it by hand."));
            Accept(initializer); // one step for it, not one per property
            return;
        }
        if (kind is "ToolChatMessage" && arguments.Count == 2)
        {
            Replace(node, [arguments[0].Expression, arguments[1].Expression], k => $"new ChatMessage(ChatRole.Tool, [new FunctionResultContent({k[0]}, {k[1]})])");
            return;
        }
        if (!Roles.TryGetValue(kind, out var role)) return; // coverage reports it
        if (arguments.Count == 0) return;
        var first = TypeOf(arguments[0].Expression);
        if (arguments.Count == 1 && first?.SpecialType == SpecialType.System_String)
        {
            Replace(node, arguments[0].Expression, t => $"new ChatMessage(ChatRole.{role}, {t})");
            return;
        }
        if (arguments.Count == 1 && first is { } completionType && FullName(completionType) is "OpenAI.Chat.ChatCompletion" && role == "Assistant")
        {
            // The assistant turn of a completion, as history: its last message (text and tool calls).
            _needsLinq = true;
            Replace(node, arguments[0].Expression, t => $"{t}.Messages.Last()");
            return;
        }
        var parameter = method.Parameters.FirstOrDefault();
        if (parameter is { IsParams: true } && parameter.Type is IArrayTypeSymbol { ElementType.Name: "ChatMessageContentPart" }
            && !(arguments.Count == 1 && model.GetTypeInfo(arguments[0].Expression).ConvertedType is IArrayTypeSymbol))
        {
            Replace(node, arguments.Select(a => (SyntaxNode)a.Expression).ToList(), k => $"new ChatMessage(ChatRole.{role}, [{string.Join(", ", k)}])");
            return;
        }
        if (arguments.Count == 1 && first is not null && first.AllInterfaces.Concat(first is INamedTypeSymbol n ? [n] : []).Any(i => i.Name == "IEnumerable" && i is INamedTypeSymbol { TypeArguments: [{ Name: "ChatMessageContentPart" }] }))
        {
            Replace(node, arguments[0].Expression, t => $"new ChatMessage(ChatRole.{role}, [.. {t}])");
            return;
        }
        // Anything else (tool calls in an assistant message...) is reported by the coverage check.
    }
}
