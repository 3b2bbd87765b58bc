using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    /// <summary>
    /// One place where a value handed to a new client (its model id or key) is written, when it is not written where
    /// the client is built: <see cref="Value"/>, bound by <see cref="Model"/>, reached from the client through
    /// <see cref="Through"/> (`_settings.Model`, `modelName`); <see cref="Holder"/> is what it is written to, and
    /// <see cref="Chain"/> every holder and written value on the way (for <see cref="MapModelOrigins"/>).
    /// </summary>
    private sealed record ValueOrigin(ExpressionSyntax Value, SemanticModel Model, string Through, ISymbol Holder, IReadOnlyList<(ISymbol Holder, ExpressionSyntax Written)> Chain, string Where)
    {
        // "the default of the parameter `modelName`", "`Model` of OpenAISettings".
        public string What => Holder switch
        {
            IParameterSymbol parameter when Value.Parent is EqualsValueClauseSyntax { Parent: ParameterSyntax } => $"the default of the parameter `{parameter.Name}`",
            IParameterSymbol parameter => $"the parameter `{parameter.Name}`",
            ILocalSymbol local => $"the local `{local.Name}`",
            _ => $"`{Holder.Name}` of {Holder.ContainingType?.Name}",
        };

        // "WriterSettings.cs:17, through `settings.ModelId`": where, and how the client reaches it when that is not the holder itself.
        public string Place => Through == Holder.Name ? Where : $"{Where}, through `{Through}`";
    }

    // Model ids mapped where they are written (a parameter default, a local, a private field of this file), once every
    // client is planned: only when every read of each holder on the way goes to a client built here.
    private readonly List<(LiteralExpressionSyntax Literal, ModelIdMapping Mapping, ValueOrigin Origin)> _modelOrigins = [];
    private readonly List<Microsoft.CodeAnalysis.Text.TextSpan> _clientModelArguments = [];

    // Where the value of `expression` is written when it is not written there: a local's initializer and assignments,
    // a parameter's default, a field's or property's initializer (or expression body) and what its own type assigns it
    // (a settings class's factory: `new OpenAISettings { Model = Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? "gpt-4o-mini" }`),
    // a few steps deep, in the app's code or a referenced project's. Only the holder's own declaration (its body, its
    // type) is read, never the whole app; the callers of a method are not followed.
    private List<ValueOrigin> ValueOrigins(ExpressionSyntax expression)
    {
        var found = new List<ValueOrigin>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        Follow(expression, model, null, [], 0);
        return found;

        void Follow(ExpressionSyntax value, SemanticModel valueModel, string? through, List<(ISymbol, ExpressionSyntax)> chain, int depth)
        {
            while (value is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
                value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PostfixUnaryExpressionSyntax)value).Operand;
            switch (value)
            {
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    Follow(coalesce.Left, valueModel, through, chain, depth);
                    Follow(coalesce.Right, valueModel, through, chain, depth);
                    return;
                case ConditionalExpressionSyntax conditional:
                    Follow(conditional.WhenTrue, valueModel, through, chain, depth);
                    Follow(conditional.WhenFalse, valueModel, through, chain, depth);
                    return;
                case ThrowExpressionSyntax:
                    return;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax or MemberAccessExpressionSyntax }:
                    var holder = depth < 4 ? valueModel.GetSymbolInfo(value).Symbol : null;
                    if (holder is not (ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol) || holder.DeclaringSyntaxReferences.Length == 0 || IsOpenAiSymbol(holder)) break;
                    if (!seen.Add(holder)) return;
                    foreach (var (written, writtenModel) in Writes(holder))
                        Follow(written, writtenModel, through ?? value.ToString(), [.. chain, (holder, written)], depth + 1);
                    return;
            }
            if (through is not null && chain.Count > 0) found.Add(new ValueOrigin(value, valueModel, through, chain[^1].Item1, chain, WhereOf(value)));
        }
    }

    // "Configuration/OpenAISettings.cs:19", "../Shared/Settings.cs:8, in the referenced project Shared": paths as the app's plan names them.
    private string WhereOf(SyntaxNode node)
    {
        var place = $"{node.SyntaxTree.FilePath}:{LineOf(node)}";
        if (model.Compilation.ContainsSyntaxTree(node.SyntaxTree)) return place;
        var project = model.Compilation.References.OfType<CompilationReference>().FirstOrDefault(r => r.Compilation.ContainsSyntaxTree(node.SyntaxTree));
        return $"{place}, in the referenced project {project?.Compilation.AssemblyName}";
    }

    // The expressions written to `holder` in its own declaration: initializer, default, expression body, and the
    // assignments in its body (a local) or its type's declarations (a field or property, object initializers included).
    private IEnumerable<(ExpressionSyntax Written, SemanticModel Model)> Writes(ISymbol holder)
    {
        foreach (var reference in holder.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            if (TreeModel(declaration.SyntaxTree) is not { } declarationModel) continue;
            var initial = declaration switch
            {
                VariableDeclaratorSyntax { Initializer.Value: var value } => value,
                ParameterSyntax { Default.Value: var value } => value,
                PropertyDeclarationSyntax { Initializer.Value: var value } => value,
                PropertyDeclarationSyntax { ExpressionBody.Expression: var value } => value,
                _ => null,
            };
            if (initial is not null) yield return (initial, declarationModel);
        }
        IEnumerable<SyntaxNode> scopes = holder switch
        {
            ILocalSymbol => holder.DeclaringSyntaxReferences.Select(r => r.GetSyntax().Ancestors().FirstOrDefault(a => a is BlockSyntax or GlobalStatementSyntax)).OfType<SyntaxNode>(),
            IFieldSymbol or IPropertySymbol => holder.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax()),
            _ => [],
        };
        foreach (var scope in scopes)
        {
            SemanticModel? scopeModel = null;
            foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || Rightmost(assignment.Left) != holder.Name) continue; // cheap filter
                scopeModel ??= TreeModel(scope.SyntaxTree);
                if (scopeModel is not null && SymbolEqualityComparer.Default.Equals(scopeModel.GetSymbolInfo(assignment.Left).Symbol, holder)) yield return (assignment.Right, scopeModel);
            }
        }
    }

    private static string? Rightmost(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    // The semantic model of a tree of the app (this compilation) or of a referenced project compiled beside it.
    private SemanticModel? TreeModel(SyntaxTree tree) =>
        tree == model.SyntaxTree ? model
        : model.Compilation.ContainsSyntaxTree(tree) ? model.Compilation.GetSemanticModel(tree)
        : model.Compilation.References.OfType<CompilationReference>().Select(r => r.Compilation).FirstOrDefault(c => c.ContainsSyntaxTree(tree))?.GetSemanticModel(tree);

    // An environment variable read, `Environment.GetEnvironmentVariable("NAME")`: its name.
    private static string? EnvironmentVariableRead(ExpressionSyntax value, SemanticModel valueModel) =>
        value is InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } name }] } call
        && valueModel.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "GetEnvironmentVariable", ContainingType.Name: "Environment" }
            ? name.Token.ValueText : null;

    // A configuration read, `configuration["AI:Key"]`, `GetValue<string>("AI:Key")`: its key.
    private static string? ConfigurationRead(ExpressionSyntax value, SemanticModel valueModel) =>
        value.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression) && ConfigurationKeyLiterals.IsKey(l)) is { } key
        && ConfigurationKeyLiterals.KeyReadBy(value) is not null && ConfigurationKeyLiterals.IsConfigurationRead(key, valueModel)
            ? key.Token.ValueText : null;

    // The key reaches the new client from where the app writes it elsewhere (a settings class reading OPENAI_API_KEY):
    // that place is not changed, so what it reads must now hold the new provider's key.
    private void NoteKeyOrigins(ExpressionSyntax key, SyntaxNode at)
    {
        foreach (var origin in ValueOrigins(key))
        {
            var where = origin.Place;
            if (EnvironmentVariableRead(origin.Value, origin.Model) is { } variable)
                Notes.Add((LineOf(at), $"the API key comes from the environment variable {variable} ({where}), which this swap does not rename there: it now goes to the {recipe.Provider.ConfigurationSection} client, " +
                    $"so {variable} must now hold an {recipe.Provider.ConfigurationSection} key where the app runs" +
                    (recipe.KeyVariables.TryGetValue(variable, out var renamed) ? $" (or read {renamed} there by hand)." : ", or rename it by hand.")));
            else if (ConfigurationRead(origin.Value, origin.Model) is { } configurationKey && !IsRenamedSection(configurationKey))
                Notes.Add((LineOf(at), $"the API key comes from the configuration key `{configurationKey}` ({where}), which this swap does not rename: it now goes to the {recipe.Provider.ConfigurationSection} client, " +
                    $"so it must now hold an {recipe.Provider.ConfigurationSection} key wherever it is set (user secrets, appsettings, environment), or rename it by hand."));
        }
    }

    // The model id reaches the new client from where the app writes it elsewhere: an environment variable or a configuration
    // key outside the renamed section must now name the new provider's model; a literal (a default) is mapped where it is
    // written when only clients built here read it, otherwise a note names it.
    private void NoteModelOrigins(ExpressionSyntax modelArgument)
    {
        _clientModelArguments.Add(modelArgument.Span);
        var provider = recipe.Provider.ConfigurationSection;
        foreach (var origin in ValueOrigins(modelArgument))
        {
            var where = origin.Place;
            if (EnvironmentVariableRead(origin.Value, origin.Model) is { } variable)
                Notes.Add((LineOf(modelArgument), $"the model id comes from the environment variable {variable} ({where}), which must name an {provider} model where the app runs: set it to an {provider} model id there."));
            else if (ConfigurationRead(origin.Value, origin.Model) is { } configurationKey && !IsRenamedSection(configurationKey))
                Notes.Add((LineOf(modelArgument), $"the model id comes from the configuration key `{configurationKey}` ({where}), which this swap does not map: it must name an {provider} model wherever it is set."));
            else if (origin.Value is LiteralExpressionSyntax literal && IsString(literal) && literal.Token.ValueText.Length > 0 && !recipe.Models.Values.Contains(literal.Token.ValueText))
            {
                if (ModelIds.Map(recipe.Models, literal.Token.ValueText) is { } mapping)
                {
                    if (literal.SyntaxTree == _root.SyntaxTree) _modelOrigins.Add((literal, mapping, origin));
                    else Notes.Add((LineOf(modelArgument), UnmappedOrigin(literal, mapping, origin, model.Compilation.ContainsSyntaxTree(literal.SyntaxTree)
                        ? "is written in another file" : "is written in a referenced project, which the swap does not change")));
                }
                else Notes.Add((LineOf(modelArgument), $"'{literal.Token.ValueText}' ({origin.What}, {origin.Place}) is not a known OpenAI model id" +
                    (ModelIds.Family(literal.Token.ValueText) is { } family ? $" (a dated snapshot of {family}, which this swap does not map either)" : "") +
                    $", and now goes to the {provider} client: set an {provider} model id there."));
            }
        }
    }

    private string UnmappedOrigin(LiteralExpressionSyntax literal, ModelIdMapping mapping, ValueOrigin origin, string why) =>
        $"'{literal.Token.ValueText}' ({origin.What}, {origin.Place}) is an OpenAI model id" +
        (mapping.Family is { } family ? $" (a dated snapshot of {family})" : "") + $" and now goes to the {recipe.Provider.ConfigurationSection} client, but it {why}: " +
        $"set an {recipe.Provider.ConfigurationSection} model id there (this swap maps it to '{mapping.To}').";

    // Once every client of the file is planned: a model literal written in this file is mapped when every holder on its
    // way is a local, a parameter or a private field or property of this file, and each is read only by a client's
    // model argument, by the next holder's value or in an interpolation (a log line); otherwise a note names it.
    private void MapModelOrigins()
    {
        foreach (var (literal, mapping, origin) in _modelOrigins)
        {
            var blocker = origin.Chain.Select(c => c.Holder).Select(h => OtherRead(h, origin)).FirstOrDefault(r => r is not null);
            if (blocker is not null)
            {
                Notes.Add((LineOf(literal), UnmappedOrigin(literal, mapping, origin, $"is also read at line {blocker} by code that is not a client built here")));
                continue;
            }
            if (_edits.Any(e => e.Range.IntersectsWith(literal.Span))) // inside code the port rewrites: a second edit would overlap
            {
                Notes.Add((LineOf(literal), UnmappedOrigin(literal, mapping, origin, "sits in code the port rewrites")));
                continue;
            }
            Replace(literal, SyntaxFactory.Literal(mapping.To).Text);
            if (mapping.DatedNote is { } dated) Notes.Add((LineOf(literal), dated));
            if (origin.Holder is IParameterSymbol { ContainingSymbol: IMethodSymbol method } && literal.Parent is EqualsValueClauseSyntax { Parent: ParameterSyntax })
                Notes.Add((LineOf(literal), $"the default of `{origin.Holder.Name}` was an OpenAI model id, now '{mapping.To}': code that passes a model id to `{(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name)}` must pass an {recipe.Provider.ConfigurationSection} one."));
        }
    }

    // The line of a read of `holder` that does not go to a client built here, or null; a holder that is not this file's
    // own (a public member, another file's) counts as read elsewhere (line 0 is never given: its declaration's line).
    private int? OtherRead(ISymbol holder, ValueOrigin origin)
    {
        var declaration = holder.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is null || declaration.SyntaxTree != _root.SyntaxTree) return 1;
        if (holder is IFieldSymbol or IPropertySymbol && holder.DeclaredAccessibility != Accessibility.Private) return LineOf(declaration);
        // A local of top-level statements is read by any of them: the whole file.
        var scope = holder is ILocalSymbol or IParameterSymbol
            ? declaration.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) ?? _root
            : _root;
        foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != holder.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, holder)) continue;
            var read = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self && self.Name == name ? (ExpressionSyntax)self : name;
            if (read.Parent is AssignmentExpressionSyntax assignment && assignment.Left == read) continue; // a write
            if (_clientModelArguments.Any(a => a.Contains(read.Span)) || origin.Chain.Any(c => c.Written.Span.Contains(read.Span) && c.Written.SyntaxTree == read.SyntaxTree)
                || read.Parent is InterpolationSyntax) continue;
            return LineOf(read);
        }
        return null;
    }

    // A model literal where a client is built, through the one rule for model ids (a dated snapshot maps as its family, with a note).
    private bool TryMapModel(LiteralExpressionSyntax literal, out string mapped)
    {
        var mapping = ModelIds.Map(recipe.Models, literal.Token.ValueText);
        mapped = mapping?.To ?? "";
        if (mapping?.DatedNote is { } note) Notes.Add((LineOf(literal), note));
        return mapping is not null;
    }
}
