using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// Builds every <c>AmazonS3Client</c> for Cloudflare R2: the account endpoint read from
/// configuration, path-style addressing, region <c>auto</c>, checksums only when required, and
/// credentials from configuration. Uploads stop using streaming payload signing, which R2 rejects.
/// Calls R2 does not implement (ACLs, tagging, policies...) are left in place as manual steps.
/// </summary>
public sealed partial class S3ClientToR2 : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.S3ClientToR2";
    private const string ClientType = "Amazon.S3.AmazonS3Client";
    private const string ConfigurationType = "Microsoft.Extensions.Configuration.IConfiguration";
    private readonly string _section;

    /// <summary>Configures the recipe from its options.</summary>
    public S3ClientToR2(RecipeArguments arguments) => _section = arguments.Optional("section") ?? "Storage";

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Build the S3 client for Cloudflare R2";

    /// <inheritdoc/>
    public string Description =>
        "Rewrites new AmazonS3Client(...) to use https://ACCOUNT.r2.cloudflarestorage.com (account id from configuration), ForcePathStyle and region auto, " +
        "keeps credentials the code already passes or reads them from configuration, turns off streaming payload signing on uploads, " +
        "and lists calls R2 does not support (ACLs, tagging, policies, versioning...) as manual steps.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("section", "Configuration section holding AccountId, AccessKeyId and SecretAccessKey.", "Storage", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var usesS3 = false;
        foreach (var path in sources.CSharpFiles.ToList())
        {
            var text = sources.Read(path);
            if (!text.Contains("Amazon", StringComparison.Ordinal)) continue; // cheap precondition
            usesS3 = true;
            if (sources.SemanticModel(path) is not { } model)
            {
                sources.AddManualStep(path, 1, "S3 code here was not rewritten for R2 because the app's references could not be resolved.");
                continue;
            }
            var root = sources.SyntaxTree(path).GetRoot();
            FlagUnsupported(sources, path, root, model);
            var rewritten = RewriteFile(sources, path, root, model);
            if (rewritten != root) sources.Write(path, rewritten.ToFullString());
        }
        if (usesS3) AddAccountIdSetting(sources);
    }

    private SyntaxNode RewriteFile(SourceSet sources, string path, SyntaxNode root, SemanticModel model)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            var type = model.GetTypeInfo(creation).Type;
            if (type is null) continue;
            var name = SymbolNames.FullName(type);
            if (name == ClientType)
            {
                if (IsAlreadyR2(creation)) continue;
                if (ClientFor(sources, path, creation, model) is { } client) replacements[creation] = client;
            }
            else if (name is "Amazon.S3.Model.PutObjectRequest" or "Amazon.S3.Model.UploadPartRequest" && creation.Initializer is { } initializer)
            {
                var updated = WithoutStreamingSignature(initializer);
                if (updated != initializer) replacements[initializer] = updated;
            }
        }
        return replacements.Count == 0 ? root : root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }

    // Idempotence: a client already built with an R2 endpoint is left alone.
    private static bool IsAlreadyR2(SyntaxNode creation) => creation.ToString().Contains("r2.cloudflarestorage.com", StringComparison.Ordinal);

    private SyntaxNode? ClientFor(SourceSet sources, string path, BaseObjectCreationExpressionSyntax creation, SemanticModel model)
    {
        var line = ScopeSearch.LineOf(creation);
        if (model.GetSymbolInfo(creation).Symbol is not IMethodSymbol constructor)
        {
            sources.AddManualStep(path, line, "this AmazonS3Client construction could not be bound: build it for R2 by hand (ServiceURL, ForcePathStyle).");
            return null;
        }
        var configuration = ScopeSearch.Find(model, creation, ConfigurationType);
        if (configuration is null)
        {
            sources.AddManualStep(path, line, "no IConfiguration is in scope to read the R2 account id: build this client for R2 by hand (ServiceURL https://ACCOUNT.r2.cloudflarestorage.com, ForcePathStyle = true).");
            return null;
        }
        var arguments = creation.ArgumentList?.Arguments ?? default;
        var parameters = constructor.Parameters;
        string? credentials = null;
        for (var i = 0; i < arguments.Count && i < parameters.Length; i++)
        {
            if (SymbolNames.IsOrDerivesFrom(parameters[i].Type, "Amazon.Runtime.AWSCredentials")) credentials = arguments[i].Expression.ToString();
            else if (parameters[i].Name == "awsAccessKeyId" && i + 1 < arguments.Count && parameters[i + 1].Name == "awsSecretAccessKey")
                credentials = $"new Amazon.Runtime.BasicAWSCredentials({arguments[i].Expression}, {arguments[i + 1].Expression})";
            else if (parameters[i].Type.Name is "AmazonS3Config")
            {
                sources.AddManualStep(path, line, "this client already takes an AmazonS3Config: set its ServiceURL to https://ACCOUNT.r2.cloudflarestorage.com and ForcePathStyle = true by hand.");
                return null;
            }
        }
        credentials ??= $"new Amazon.Runtime.BasicAWSCredentials({configuration}[\"{_section}:AccessKeyId\"], {configuration}[\"{_section}:SecretAccessKey\"])";

        var indent = ScopeSearch.IndentOf(creation);
        var typeText = creation is ObjectCreationExpressionSyntax explicitType ? explicitType.Type.ToString() : "AmazonS3Client";
        var text =
            $"new {typeText}({credentials}, new Amazon.S3.AmazonS3Config\n" +
            $"{indent}{{\n" +
            $"{indent}    // Cloudflare R2: one endpoint per account, path-style addressing, region \"auto\".\n" +
            $"{indent}    ServiceURL = $\"https://{{{configuration}[\"{_section}:AccountId\"]}}.r2.cloudflarestorage.com\",\n" +
            $"{indent}    ForcePathStyle = true,\n" +
            $"{indent}    AuthenticationRegion = \"auto\",\n" +
            $"{indent}    RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,\n" +
            $"{indent}    ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,\n" +
            $"{indent}}})";
        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(creation);
    }

    private static InitializerExpressionSyntax WithoutStreamingSignature(InitializerExpressionSyntax initializer)
    {
        var assigned = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            .Select(a => a.Left.ToString()).ToHashSet(StringComparer.Ordinal);
        var missing = new[] { "DisablePayloadSigning", "DisableDefaultChecksumValidation" }.Where(p => !assigned.Contains(p)).ToList();
        if (missing.Count == 0 || initializer.Expressions.Count == 0) return initializer;

        // New assignments copy the layout of the last one, so a multi-line initializer stays multi-line
        // and a one-line initializer stays on one line; the last one's trailing trivia moves to the end.
        var last = initializer.Expressions.Last();
        var expressions = initializer.Expressions.ToList();
        var separators = initializer.Expressions.GetSeparators().ToList();
        var separatorTemplate = separators.Count > 0 ? separators[^1] : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var hadTrailingComma = separators.Count == expressions.Count;
        var tail = last.GetTrailingTrivia();
        expressions[^1] = last.WithTrailingTrivia();
        if (!hadTrailingComma) separators.Add(separatorTemplate);
        foreach (var property in missing)
        {
            expressions.Add(SyntaxFactory.ParseExpression($"{property} = true").WithLeadingTrivia(last.GetLeadingTrivia()));
            separators.Add(separatorTemplate);
        }
        if (!hadTrailingComma)
        {
            separators.RemoveAt(separators.Count - 1);
            expressions[^1] = expressions[^1].WithTrailingTrivia(tail);
        }
        else expressions[^1] = expressions[^1].WithTrailingTrivia(tail);
        return initializer.WithExpressions(SyntaxFactory.SeparatedList(expressions, separators));
    }
}
