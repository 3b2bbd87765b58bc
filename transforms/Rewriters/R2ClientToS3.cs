using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// The way back from Cloudflare R2 to AWS S3: every <c>AmazonS3Config</c> built for R2 (an R2 endpoint, or
/// <c>AuthenticationRegion = "auto"</c>) loses its R2 endpoint, path-style and region settings and gets a
/// <c>RegionEndpoint</c> instead, read from <c>SECTION:Region</c> when configuration is in scope, else from
/// <c>AWS_REGION</c>. Upload requests keep <c>DisablePayloadSigning</c>: S3 accepts unsigned payloads over HTTPS.
/// </summary>
public sealed class R2ClientToS3 : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.R2ClientToS3";

    private static readonly HashSet<string> R2Only = new(StringComparer.Ordinal)
        { "ServiceURL", "ForcePathStyle", "AuthenticationRegion", "RequestChecksumCalculation", "ResponseChecksumValidation" };

    private readonly string _section;

    /// <summary>Configures the recipe from its options.</summary>
    public R2ClientToS3(RecipeArguments arguments) => _section = arguments.Optional("section") ?? "Storage";

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Build the R2 client for AWS S3";

    /// <inheritdoc/>
    public string Description =>
        "Rewrites every AmazonS3Config built for Cloudflare R2 (R2 endpoint or region auto) for AWS S3: the R2 endpoint, path-style and checksum settings go, " +
        "and RegionEndpoint comes from the Region key of the configuration section, or AWS_REGION when no configuration is in scope.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("section", "Configuration section holding Region.", "Storage", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        foreach (var path in sources.CSharpFiles.ToList())
        {
            var text = sources.Read(path);
            if (!text.Contains("AmazonS3Config", StringComparison.Ordinal)) continue; // cheap precondition
            if (sources.SemanticModel(path) is not { } model)
            {
                sources.AddManualStep(path, 1, "R2 client code here was not rewritten for S3 because the app's references could not be resolved.");
                continue;
            }
            var root = sources.SyntaxTree(path).GetRoot();
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (creation.Initializer is not { } initializer || model.GetTypeInfo(creation).Type is not { } type || SymbolNames.FullName(type) != "Amazon.S3.AmazonS3Config") continue;
                var assignments = initializer.Expressions.OfType<AssignmentExpressionSyntax>().ToDictionary(a => a.Left.ToString(), a => a.Right.ToString(), StringComparer.Ordinal);
                var forR2 = assignments.GetValueOrDefault("AuthenticationRegion") == "\"auto\""
                            || (assignments.GetValueOrDefault("ServiceURL") is { } url && (url.Contains("r2.cloudflarestorage.com", StringComparison.Ordinal) || url.Contains(S3ClientToR2.EndpointVariable, StringComparison.Ordinal)));
                if (!forR2 || assignments.ContainsKey("RegionEndpoint")) continue;
                replacements[initializer] = ForS3(sources, path, initializer, model);
            }
            if (replacements.Count == 0) continue;
            sources.Write(path, root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]).ToFullString());
        }
    }

    private InitializerExpressionSyntax ForS3(SourceSet sources, string path, InitializerExpressionSyntax initializer, SemanticModel model)
    {
        var configuration = ScopeSearch.Find(model, initializer, "Microsoft.Extensions.Configuration.IConfiguration");
        var region = configuration is not null
            ? $"Amazon.RegionEndpoint.GetBySystemName({configuration}[\"{_section}:Region\"] ?? \"us-east-1\")"
            : "Amazon.RegionEndpoint.GetBySystemName(System.Environment.GetEnvironmentVariable(\"AWS_REGION\") ?? \"us-east-1\")";
        sources.AddManualStep(path, ScopeSearch.LineOf(initializer),
            configuration is not null
                ? $"this client now talks to AWS S3 in the region of {_section}:Region (us-east-1 when unset): set it, and give {_section}:AccessKeyId/SecretAccessKey an IAM user's keys instead of the R2 token's."
                : "this client now talks to AWS S3 in the region of AWS_REGION (us-east-1 when unset): set it, and give the client an IAM user's keys instead of the R2 token's.");

        var kept = initializer.Expressions.Where(e => e is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } || !R2Only.Contains(id.Identifier.ValueText)).ToList();
        // The indentation of the elements, without the comment the R2 rewrite put in front of its settings.
        var indent = SyntaxFactory.TriviaList(initializer.Expressions[^1].GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        var separator = initializer.Expressions.GetSeparators().FirstOrDefault();
        var comma = separator == default ? SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space) : separator;
        var trailingComma = initializer.Expressions.SeparatorCount == initializer.Expressions.Count;
        var assignment = SyntaxFactory.ParseExpression($"RegionEndpoint = {region}").WithLeadingTrivia(indent);
        var expressions = new List<ExpressionSyntax> { assignment };
        expressions.AddRange(kept.Select(e => e.WithLeadingTrivia(indent).WithTrailingTrivia()));
        var list = SyntaxFactory.SeparatedList(expressions, Enumerable.Repeat(comma, trailingComma ? expressions.Count : expressions.Count - 1));
        if (!trailingComma) list = list.Replace(list[^1], list[^1].WithTrailingTrivia(initializer.Expressions[^1].GetTrailingTrivia()));
        return initializer.WithExpressions(list);
    }
}
