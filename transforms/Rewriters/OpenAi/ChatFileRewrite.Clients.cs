using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatFileRewrite
{
    private static readonly IReadOnlyDictionary<string, string> EnvironmentNames =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["OPENAI_API_KEY"] = "ANTHROPIC_API_KEY" };

    // new ChatClient(model, apiKey) held in a field (assigned or initialized) or a local.
    private void PlanClients()
    {
        foreach (var creation in _root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var type } && !type.ToString().EndsWith("ChatClient", StringComparison.Ordinal)) continue; // cheap filter
            if (model.GetSymbolInfo(creation).Symbol is not IMethodSymbol constructor || FullName(constructor.ContainingType) != ChatClientType) continue;
            var modelArgument = Argument(creation.ArgumentList, constructor, "model");
            var keyArgument = Argument(creation.ArgumentList, constructor, "apiKey") ?? ApiKeyOfCredential(Argument(creation.ArgumentList, constructor, "credential"));
            if (modelArgument is null || keyArgument is null || constructor.Parameters.Length != 2)
            {
                Unsupported.Add((LineOf(creation), "this ChatClient is built with options, a pipeline or an authentication policy: build the AnthropicClient by hand."));
                continue;
            }
            var modelText = MapLiterals(modelArgument, recipe.Models, unmapped => Notes.Add((LineOf(unmapped),
                $"'{unmapped.Token.ValueText}' is not a known OpenAI model id: set a Claude model id here by hand.")));
            var client = $"new AnthropicClient {{ ApiKey = {MapLiterals(keyArgument, EnvironmentNames)} }}";
            if (!PlanClientHolder(creation, modelText, client))
                Unsupported.Add((LineOf(creation), "this ChatClient is not held in a field or local, so its model cannot be carried to the calls: port it by hand."));
        }
    }

    private bool PlanClientHolder(BaseObjectCreationExpressionSyntax creation, string modelText, string client)
    {
        switch (creation.Parent)
        {
            // _chat = new ChatClient(...);  in a constructor or method
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment when assignment.Right == creation:
            {
                if (model.GetSymbolInfo(assignment.Left).Symbol is not IFieldSymbol field) return false;
                if (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax declaration } }
                    || declaration.SyntaxTree != _root.SyntaxTree) return false;
                var modelField = ModelVariableName(field.Name, field.ContainingType);
                if (modelField is null) return false;
                var left = assignment.Left.ToString();
                var indent = Indent(statement);
                _changes.Add(new TextChange(statement.Span,
                    $"{left[..^field.Name.Length]}{modelField} = {modelText};\n{indent}{left} = {client};"));
                var fieldIndent = Indent(declaration);
                _changes.Add(new TextChange(new TextSpan(declaration.FullSpan.End, 0), $"{fieldIndent}{declaration.Modifiers} string {modelField};\n"));
                _modelVariables[field] = modelField;
                return true;
            }
            // private readonly ChatClient _chat = new ChatClient(...);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax declaration } } declarator }:
            {
                if (model.GetDeclaredSymbol(declarator) is not IFieldSymbol field) return false;
                var modelField = ModelVariableName(field.Name, field.ContainingType);
                if (modelField is null) return false;
                var modifiers = declaration.Modifiers.ToString();
                _changes.Add(new TextChange(creation.Span, client));
                _changes.Add(new TextChange(new TextSpan(declaration.FullSpan.End, 0),
                    $"{Indent(declaration)}{modifiers} string {modelField} = {modelText};\n"));
                _modelVariables[field] = modelField;
                return true;
            }
            // var chat = new ChatClient(...);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } } declarator }:
            {
                if (model.GetDeclaredSymbol(declarator) is not ILocalSymbol local) return false;
                var modelLocal = ModelVariableName(local.Name, null);
                if (modelLocal is null || model.LookupSymbols(statement.SpanStart, name: modelLocal).Length > 0) return false;
                _changes.Add(new TextChange(creation.Span, client));
                _changes.Add(new TextChange(new TextSpan(statement.SpanStart, 0), $"var {modelLocal} = {modelText};\n{Indent(statement)}"));
                _modelVariables[local] = modelLocal;
                return true;
            }
            default:
                return false;
        }
    }

    // _chat -> _chatModel; chatClient -> chatClientModel. Null when that name is taken.
    private static string? ModelVariableName(string clientName, INamedTypeSymbol? type)
    {
        var name = clientName + "Model";
        return type is not null && type.GetMembers(name).Length > 0 ? null : name;
    }

    private static ExpressionSyntax? Argument(BaseArgumentListSyntax? arguments, IMethodSymbol method, string parameterName)
    {
        if (arguments is null) return null;
        var index = method.Parameters.IndexOf(method.Parameters.FirstOrDefault(p => p.Name == parameterName)!);
        if (index < 0) return null;
        var named = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName);
        if (named is not null) return named.Expression;
        return index < arguments.Arguments.Count && arguments.Arguments[index].NameColon is null ? arguments.Arguments[index].Expression : null;
    }

    // new ApiKeyCredential(key) -> key
    private ExpressionSyntax? ApiKeyOfCredential(ExpressionSyntax? credential) =>
        credential is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var key] } creation
        && model.GetTypeInfo(creation).Type is { } type && FullName(type) == "System.ClientModel.ApiKeyCredential"
            ? key.Expression
            : null;
}
