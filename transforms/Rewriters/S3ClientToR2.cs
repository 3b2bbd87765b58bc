using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// Builds every S3 client of the app for Cloudflare R2, wherever it is made: <c>new AmazonS3Client(...)</c>
/// (with or without its own <c>AmazonS3Config</c>, inline or in a local), a <c>TransferUtility</c> that makes
/// its own client, and <c>services.AddAWSService&lt;IAmazonS3&gt;()</c>. The endpoint comes from the
/// configuration in scope (<c>Storage:AccountId</c>), from the endpoint the app's own config already reads, or
/// from <c>AWS_ENDPOINT_URL_S3</c> (the variable the AWS SDK and CLI read). Path-style addressing, region
/// <c>auto</c>, checksums only when required; uploads stop using streaming payload signing, which R2 rejects.
/// Calls R2 does not implement (ACLs, tagging, policies...) are left in place as manual steps.
/// </summary>
public sealed partial class S3ClientToR2 : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.S3ClientToR2";

    /// <summary>The environment variable an R2 endpoint is read from when no configuration is in scope (the AWS SDK's own name).</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_S3";

    private const string ClientType = "Amazon.S3.AmazonS3Client";
    private const string ClientInterface = "Amazon.S3.IAmazonS3";
    private const string ConfigType = "Amazon.S3.AmazonS3Config";
    private const string TransferUtilityType = "Amazon.S3.Transfer.TransferUtility";
    private readonly string _section;

    /// <summary>Configures the recipe from its options.</summary>
    public S3ClientToR2(RecipeArguments arguments) => _section = arguments.Optional("section") ?? "Storage";

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Build the S3 client for Cloudflare R2";

    /// <inheritdoc/>
    public string Description =>
        "Rewrites new AmazonS3Client(...), its AmazonS3Config, TransferUtility clients and AddAWSService<IAmazonS3>() for https://ACCOUNT.r2.cloudflarestorage.com " +
        "(account id from configuration, the endpoint the app already reads, or AWS_ENDPOINT_URL_S3), ForcePathStyle and region auto, " +
        "keeps credentials the code already passes, turns off streaming payload signing on uploads, " +
        "and lists calls R2 does not support (ACLs, tagging, policies, versioning...) as manual steps.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("section", "Configuration section holding AccountId, AccessKeyId and SecretAccessKey.", "Storage", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var run = new RunState();
        foreach (var path in sources.CSharpFiles.ToList())
        {
            var text = sources.Read(path);
            if (!text.Contains("Amazon", StringComparison.Ordinal) && !text.Contains("IAmazonS3", StringComparison.Ordinal)) continue; // cheap precondition
            if (sources.SemanticModel(path) is not { } model)
            {
                run.UsesS3 = true;
                sources.AddManualStep(path, 1, "S3 code here was not rewritten for R2 because the app's references could not be resolved.");
                continue;
            }
            var root = sources.SyntaxTree(path).GetRoot();
            FlagUnsupported(sources, path, root, model);
            var rewritten = RewriteFile(sources, path, root, model, run);
            if (rewritten != root) sources.Write(path, rewritten.ToFullString());
        }
        if (run.Creations == 0 && run.Injected is { } injected)
            sources.AddManualStep(injected.Path, injected.Line,
                $"the {injected.Type} '{injected.Name}' comes from dependency injection, but nothing in this project creates or registers it (no new AmazonS3Client, no AddAWSService<IAmazonS3>()): build it for R2 where it is registered.");
        if (run.UsesS3 && run.AccountIdReader is { } reader) AddAccountIdSetting(sources, reader);
    }

    /// <summary>What one run found across the files: whether the app uses S3, where clients come from.</summary>
    private sealed class RunState
    {
        public bool UsesS3;
        public (string Path, int Line)? AccountIdReader;
        public int Creations;
        public (string Path, int Line, string Type, string Name)? Injected;
    }

    private SyntaxNode RewriteFile(SourceSet sources, string path, SyntaxNode root, SemanticModel model, RunState run)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax creation when model.GetTypeInfo(creation).Type is { } type:
                    var name = SymbolNames.FullName(type);
                    if (name is ClientType or TransferUtilityType) run.UsesS3 = true;
                    if (name == ClientType)
                    {
                        run.Creations++;
                        if (IsAlreadyR2(creation)) continue;
                        foreach (var (from, to) in ClientFor(sources, path, creation, model, run)) replacements[from] = to;
                    }
                    else if (name == TransferUtilityType)
                    {
                        if (TransferUtilityFor(sources, path, creation, model, run) is { } utility) { run.Creations++; replacements[creation] = utility; }
                    }
                    else if (name is "Amazon.S3.Model.PutObjectRequest" or "Amazon.S3.Model.UploadPartRequest" or "Amazon.S3.Transfer.TransferUtilityUploadRequest"
                             && creation.Initializer is { } initializer && !replacements.Keys.Any(k => k.Span.Contains(initializer.Span)))
                    {
                        var updated = WithoutStreamingSignature(initializer);
                        if (updated != initializer) replacements[initializer] = updated;
                    }
                    break;
                case InvocationExpressionSyntax invocation when IsAwsServiceRegistration(invocation, model):
                    run.UsesS3 = true;
                    run.Creations++;
                    if (RegistrationFor(sources, path, invocation, model, run) is { } registration) replacements[invocation] = registration;
                    break;
                case ParameterSyntax parameter when run.Injected is null && parameter.Type is not null
                                                    && model.GetDeclaredSymbol(parameter) is { } symbol
                                                    && SymbolNames.FullName(symbol.Type) is ClientType or ClientInterface:
                    run.UsesS3 = true;
                    run.Injected = (path, ScopeSearch.LineOf(parameter), symbol.Type.Name, parameter.Identifier.ValueText);
                    break;
            }
        }
        // A config local rewritten for one client may be the argument of another: keep one replacement per node.
        var outer = replacements.Keys.Where(k => !replacements.Keys.Any(o => o != k && o.Span.Contains(k.Span) && o.SyntaxTree == k.SyntaxTree)).ToList();
        return outer.Count == 0 ? root : root.ReplaceNodes(outer, (original, _) => replacements[original]);
    }

    // Idempotence: a client already built with an R2 endpoint is left alone.
    private static bool IsAlreadyR2(SyntaxNode creation) =>
        creation.ToString() is var text && (text.Contains("r2.cloudflarestorage.com", StringComparison.Ordinal) || text.Contains(EndpointVariable, StringComparison.Ordinal));

    /// <summary>
    /// The replacements that build one <c>new AmazonS3Client(...)</c> for R2: the creation itself, or the
    /// <c>AmazonS3Config</c> it is given (inline or in a local of this file); none, with a manual step saying
    /// what is in the way, when the meaning is not clear.
    /// </summary>
    private IEnumerable<(SyntaxNode From, SyntaxNode To)> ClientFor(SourceSet sources, string path, BaseObjectCreationExpressionSyntax creation, SemanticModel model, RunState run)
    {
        var line = ScopeSearch.LineOf(creation);
        if (model.GetSymbolInfo(creation).Symbol is not IMethodSymbol constructor)
        {
            sources.AddManualStep(path, line, "this AmazonS3Client construction could not be bound: build it for R2 by hand (ServiceURL, ForcePathStyle).");
            return [];
        }
        var arguments = creation.ArgumentList?.Arguments ?? default;
        var parameters = constructor.Parameters;
        for (var i = 0; i < arguments.Count && i < parameters.Length; i++)
        {
            if (SymbolNames.FullName(parameters[i].Type) != ConfigType && parameters[i].Type.Name != "AmazonS3Config") continue;
            return OwnConfigFor(sources, path, arguments[i].Expression, model, run, creation);
        }
        var credentials = CredentialsOf(arguments, parameters);
        var endpoint = EndpointFor(sources, path, creation, model, run, credentials is null);
        credentials ??= endpoint.Credentials;
        var typeText = creation is ObjectCreationExpressionSyntax explicitType ? explicitType.Type.ToString() : "AmazonS3Client";
        var config = NewConfig(endpoint.ServiceUrl, ScopeSearch.IndentOf(creation));
        var text = credentials is null ? $"new {typeText}({config})" : $"new {typeText}({credentials}, {config})";
        return [(creation, SyntaxFactory.ParseExpression(text).WithTriviaFrom(creation))];
    }

    // Credentials the code passed: AWSCredentials, or access key and secret.
    private static string? CredentialsOf(SeparatedSyntaxList<ArgumentSyntax> arguments, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
    {
        for (var i = 0; i < arguments.Count && i < parameters.Length; i++)
        {
            if (SymbolNames.IsOrDerivesFrom(parameters[i].Type, "Amazon.Runtime.AWSCredentials")) return arguments[i].Expression.ToString();
            if (parameters[i].Name == "awsAccessKeyId" && i + 1 < arguments.Count && parameters[i + 1].Name == "awsSecretAccessKey")
                return $"new Amazon.Runtime.BasicAWSCredentials({arguments[i].Expression}, {arguments[i + 1].Expression})";
        }
        return null;
    }

    private static string NewConfig(string serviceUrl, string indent) =>
        "new Amazon.S3.AmazonS3Config\n" +
        $"{indent}{{\n" +
        $"{indent}    // Cloudflare R2: one endpoint per account, path-style addressing, region \"auto\".\n" +
        $"{indent}    ServiceURL = {serviceUrl},\n" +
        $"{indent}    ForcePathStyle = true,\n" +
        $"{indent}    AuthenticationRegion = \"auto\",\n" +
        $"{indent}    RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,\n" +
        $"{indent}    ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,\n" +
        $"{indent}}}";

    private static InitializerExpressionSyntax WithoutStreamingSignature(InitializerExpressionSyntax initializer) =>
        WithAssignments(initializer, [("DisablePayloadSigning", "true"), ("DisableDefaultChecksumValidation", "true")], new HashSet<string>());

    /// <summary>
    /// The initializer with <paramref name="set"/> assigned (existing assignments of those names get the new
    /// value in place, missing ones are appended) and <paramref name="remove"/> dropped. New assignments copy
    /// the layout of the last one, so a multi-line initializer stays multi-line and a one-line one stays on one line.
    /// </summary>
    private static InitializerExpressionSyntax WithAssignments(InitializerExpressionSyntax initializer, IReadOnlyList<(string Name, string Value)> set, IReadOnlySet<string> remove)
    {
        if (initializer.Expressions.Count == 0) return initializer;
        static string? NameOf(ExpressionSyntax e) => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } ? id.Identifier.ValueText : null;
        var expressions = initializer.Expressions;
        var separators = expressions.GetSeparators().ToList();
        var hadTrailingComma = separators.Count == expressions.Count;
        var template = expressions[^1];
        var separatorTemplate = separators.Count > 0 ? separators[^1] : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var tail = template.GetTrailingTrivia();
        var changed = false;

        // Each element keeps the separator after it, so comments and line breaks on that separator stay with it.
        var items = new List<(ExpressionSyntax Expression, SyntaxToken? Separator)>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var separator = i < separators.Count ? separators[i] : (SyntaxToken?)null;
            var name = NameOf(expressions[i]);
            if (name is not null && remove.Contains(name)) { changed = true; continue; }
            if (name is not null && expressions[i] is AssignmentExpressionSyntax assignment && set.Any(s => s.Name == name)
                && set.First(s => s.Name == name).Value is var value && assignment.Right.ToString() != value)
            {
                items.Add((assignment.WithRight(SyntaxFactory.ParseExpression(value).WithTriviaFrom(assignment.Right)), separator));
                changed = true;
                continue;
            }
            items.Add((expressions[i], separator));
        }
        if (items.Count > 0 && !hadTrailingComma && items[^1].Separator is not null)
            items[^1] = (items[^1].Expression.WithTrailingTrivia(tail), null); // the last element went: its successor ends the list
        var present = items.Select(i => NameOf(i.Expression)).ToHashSet(StringComparer.Ordinal);
        var added = set.Where(s => !present.Contains(s.Name)).ToList();
        if (added.Count > 0)
        {
            if (items.Count > 0 && items[^1].Separator is null) items[^1] = (items[^1].Expression.WithTrailingTrivia(), separatorTemplate);
            foreach (var (name, value) in added)
                items.Add((SyntaxFactory.ParseExpression($"{name} = {value}").WithLeadingTrivia(template.GetLeadingTrivia()), separatorTemplate));
            if (!hadTrailingComma) items[^1] = (items[^1].Expression.WithTrailingTrivia(tail), null);
            changed = true;
        }
        if (!changed) return initializer;
        var nodes = new List<SyntaxNodeOrToken>();
        foreach (var (expression, separator) in items)
        {
            nodes.Add(expression);
            if (separator is { } token) nodes.Add(token);
        }
        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes));
    }
}
