using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // What OpenAI means by a function tool with no parameters ("an empty parameter list"), as a JSON schema:
    // Anthropic requires an input schema on every tool.
    private const string NoParametersSchema = "System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(\"\"\"{\"type\":\"object\",\"properties\":{}}\"\"\")";

    // ChatTool.CreateFunctionTool(name, description[, parameters[, strict]]) -> AIFunctionFactory.CreateDeclaration(name, description, schema).
    // A declaration, not a function: the app's own tool loop keeps calling the code, as it did.
    private void PlanFunctionTool(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var arguments = invocation.ArgumentList;
        if (Argument(arguments, method, "functionName") is not { } functionName || arguments.Arguments.Count > 4) return; // coverage reports it
        var functionDescription = Argument(arguments, method, "functionDescription");
        var parameters = Argument(arguments, method, "functionParameters");
        var strict = Argument(arguments, method, "functionSchemaIsStrict");
        var given = new[] { functionName, functionDescription, parameters, strict }.Count(a => a is not null);
        if (given != arguments.Arguments.Count) return; // an argument the names above do not cover: coverage reports it
        if (strict is not null && strict is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression or (int)SyntaxKind.NullLiteralExpression })
        {
            // Microsoft.Extensions.AI's declaration has no strict flag, and the target's IChatClient sends none.
            var which = strict is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } ? "`functionSchemaIsStrict: true`" : $"`functionSchemaIsStrict: {Describe(strict)}`";
            Notes.Add((LineOf(strict), $"{which} was dropped: the {recipe.Provider.Id} IChatClient has no strict schema mode for tools, so the arguments the model sends are no longer guaranteed to match the schema: check them before use."));
        }
        var kept = new List<SyntaxNode> { functionName, functionDescription ?? (SyntaxNode)functionName };
        Func<string, string> schema = _ => NoParametersSchema;
        if (parameters is not null)
        {
            var (json, element) = JsonElementOf(parameters);
            kept.Add(json);
            schema = element;
        }
        Replace(invocation, kept, k => $"AIFunctionFactory.CreateDeclaration({k[0]}, {(functionDescription is null ? "null" : k[1])}, {(parameters is null ? schema("") : schema(k[2]))})");
    }
}
