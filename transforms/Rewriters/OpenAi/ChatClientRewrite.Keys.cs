using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // The key given to the OpenAI client goes to the new provider's client as it is. When it is read from a
    // place the swap renames (the OpenAI configuration section, OPENAI_API_KEY, OpenAI__ApiKey) the name follows;
    // when it comes from the app's own configuration key, settings type or variable, the name stays (other code
    // and other projects may read it) and the plan says that it must now hold the new provider's key.
    private void NoteCarriedKey(ExpressionSyntax key, SyntaxNode at)
    {
        if (recipe.Provider.KeyEnvironmentVariable is null || MapKey(key) != key.ToString()) return;
        var source = KeySource(key);
        if (source is null)
        {
            NoteKeyOrigins(key, at); // written elsewhere: a settings class, a local, a parameter
            return;
        }
        Notes.Add((LineOf(at), $"the API key still comes from {source}, which this swap does not rename (the app names it, and other code may read it): " +
            $"it now goes to the {recipe.Provider.ConfigurationSection} client, so set it to an {recipe.Provider.ConfigurationSection} key wherever it is set (user secrets, appsettings, environment), or rename it by hand."));
    }

    // Where a key expression reads its value, in a developer's words, or null when the swap renames that place
    // or it is not a configuration or environment read (a parameter, a literal).
    private string? KeySource(ExpressionSyntax key)
    {
        foreach (var literal in key.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(IsString))
        {
            var value = literal.Token.ValueText;
            if (Recipes.Primitives.ConfigurationKeyLiterals.IsKey(literal) && Recipes.Primitives.ConfigurationKeyLiterals.IsConfigurationRead(literal, model))
                return IsRenamedSection(value) ? null : $"the configuration key `{value}`";
            if (literal.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call } && call.Expression.ToString().EndsWith("GetEnvironmentVariable", StringComparison.Ordinal))
                return $"the environment variable {value}";
        }
        // settings.ApiKey, where settings is bound from a configuration section: GetSection(S).Bind(settings), GetSection(S).Get<T>().
        if (key is MemberAccessExpressionSyntax { Expression: var holder, Name.Identifier.ValueText: var property } && model.GetSymbolInfo(holder).Symbol is { } symbol
            && symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol && TypeOf(holder) is { } settings && !IsOpenAiSymbol(settings)
            && SettingsSection(symbol, settings) is { } bound)
            return IsRenamedSection(bound.Section) ? null : $"`{key}`, the configuration key `{bound.Section}:{property}` ({bound.Where})";
        return null;
    }

    private static bool IsRenamedSection(string key) =>
        key.Equals("OpenAI", StringComparison.OrdinalIgnoreCase) || key.StartsWith("OpenAI:", StringComparison.OrdinalIgnoreCase)
        || key.Equals("AzureOpenAI", StringComparison.OrdinalIgnoreCase) || key.StartsWith("AzureOpenAI:", StringComparison.OrdinalIgnoreCase);

    // The section a settings value is bound from, and where (path:line), found in the app's code.
    private (string Section, string Where)? SettingsSection(ISymbol holder, ITypeSymbol settings)
    {
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            if (!tree.GetText().ToString().Contains("GetSection", StringComparison.Ordinal)) continue; // cheap precondition
            var treeModel = tree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Name: var name, Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSection" }, ArgumentList.Arguments: [var section] } }) continue;
                var binds = name.Identifier.ValueText switch
                {
                    "Bind" => call.ArgumentList.Arguments is [var target] && SymbolEqualityComparer.Default.Equals(treeModel.GetSymbolInfo(target.Expression).Symbol, holder),
                    "Get" => name is GenericNameSyntax { TypeArgumentList.Arguments: [var type] } && SymbolEqualityComparer.Default.Equals(treeModel.GetTypeInfo(type).Type, settings),
                    _ => false,
                };
                if (binds && treeModel.GetConstantValue(section.Expression) is { HasValue: true, Value: string value })
                    return (value, $"bound at {tree.FilePath}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1}");
            }
        }
        return null;
    }

    // The OpenAIClient held in `receiver` also serves code that stays on OpenAI (audio, embeddings...) with a key the
    // swap does not rename: that key stays an OpenAI key, so the new client reads its own from the provider's variable.
    private bool RootServesKeptCode(ExpressionSyntax receiver, SyntaxNode use)
    {
        if (model.GetSymbolInfo(receiver).Symbol is not ({ Kind: SymbolKind.Field or SymbolKind.Local } and var holder)) return false;
        var others = _root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == holder.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, holder))
            .Select(i => i.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self && self.Name == i ? (ExpressionSyntax)self : i)
            .Where(u => !(u.Parent is AssignmentExpressionSyntax a && a.Left == u) && !(u.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetChatClient" } m && m.Expression == u))
            .ToList();
        if (others.Count == 0 || recipe.Provider.KeyEnvironmentVariable is not { } variable) return false;
        var first = others[0].Parent is MemberAccessExpressionSyntax member ? member.ToString() : others[0].ToString();
        Notes.Add((LineOf(use), $"`{receiver}` also serves `{first}` (line {LineOf(others[0])}), which stays on OpenAI with its key: the {recipe.Provider.ConfigurationSection} client " +
            $"does not take that key and reads its own from {variable} (set it)."));
        return true;
    }
}
