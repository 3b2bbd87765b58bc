using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// Points Neon connection strings in appsettings at the Supabase pooler: host, port 6543, the
/// <c>postgres.PROJECT_REF</c> user, database <c>postgres</c>, <c>SSL Mode=Require</c>, and no
/// channel binding (the pooler does not offer it). Code that the transaction pooler would break
/// (prepared statements) and connection strings written in code become manual steps.
/// </summary>
public sealed class NeonToSupabaseConnectionStrings : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.NeonToSupabaseConnectionStrings";
    private const string ProjectRefPlaceholder = "YOUR-PROJECT-REF";
    private readonly string _port;

    /// <summary>Configures the recipe from its options.</summary>
    public NeonToSupabaseConnectionStrings(RecipeArguments arguments) => _port = arguments.Optional("port") ?? "6543";

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Point Neon connection strings at Supabase";

    /// <inheritdoc/>
    public string Description =>
        "Rewrites every ConnectionStrings entry whose host ends in .neon.tech for the Supabase pooler (host, port, user, database, SSL Mode=Require, no channel binding). " +
        "The project ref and region come from the swap options supabase.projectRef and supabase.region; the region defaults to the Neon one. The password is cleared for a secret store.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("port", "Pooler port: 6543 for transaction mode, 5432 for session mode.", "6543", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        ConnectionStringSettings.RewriteAll(sources, ".neon.tech", "Neon", host => host.EndsWith(".neon.tech", StringComparison.OrdinalIgnoreCase),
            (neon, host) => Rewrite(neon, host, sources.Options));
        foreach (var path in sources.CSharpFiles.ToList()) FlagCode(sources, path);
        ConnectionStringSources.FlagOutsideSettings(sources, "Neon", "the Supabase pooler string (Host=aws-0-REGION.pooler.supabase.com;Port=6543;SSL Mode=Require)");
    }

    private (NpgsqlConnectionString, IReadOnlyList<string>) Rewrite(NpgsqlConnectionString neon, string host, IReadOnlyDictionary<string, string> options)
    {
        var steps = new List<string>();
        // ep-name-123456[-pooler].REGION.aws.neon.tech: the region is the second label.
        var labels = host.Split('.');
        var region = options.GetValueOrDefault("supabase.region") ?? (labels.Length > 2 ? labels[1] : "us-east-1");
        if (!options.ContainsKey("supabase.region"))
            steps.Add($"the Supabase region was taken from the Neon host ({region}): check it matches the Supabase project, and whether its pooler host starts with aws-0 or aws-1.");
        var projectRef = options.GetValueOrDefault("supabase.projectRef") ?? ProjectRefPlaceholder;
        if (projectRef == ProjectRefPlaceholder)
            steps.Add($"replace {ProjectRefPlaceholder} in the user name with the Supabase project ref (Project Settings > General), or pass supabase.projectRef.");
        if (!string.IsNullOrEmpty(neon.Get("Password")))
            steps.Add("the Neon password was removed: set the Supabase database password through user secrets or the environment (ConnectionStrings__NAME), not in this file.");
        var supabase = neon
            .Set("Host", $"aws-0-{region}.pooler.supabase.com")
            .Set("Port", _port)
            .Set("Database", "postgres")
            .Set("Username", $"postgres.{projectRef}")
            .Set("SSL Mode", "Require")
            .Remove("Channel Binding");
        if (neon.Get("Password") is not null) supabase = supabase.Set("Password", "");
        return (supabase, steps);
    }

    private void FlagCode(SourceSet sources, string path)
    {
        var text = sources.Read(path);
        var hasNeon = text.Contains(".neon.tech", StringComparison.OrdinalIgnoreCase);
        if (!hasNeon && !text.Contains("Prepare", StringComparison.Ordinal)) return; // cheap precondition
        var root = sources.SyntaxTree(path).GetRoot();
        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>()
                     .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText.Contains(".neon.tech", StringComparison.OrdinalIgnoreCase)))
            sources.AddManualStep(path, literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                "a Neon host is written in code: move the connection string to configuration (ConnectionStrings) and point it at Supabase.");
        if (_port != "6543") return;
        var model = sources.SemanticModel(path);
        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                     .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Prepare" or "PrepareAsync" }))
        {
            var method = model?.GetSymbolInfo(call).Symbol as Microsoft.CodeAnalysis.IMethodSymbol;
            if (model is not null && (method is null || !SymbolNames.IsOrDerivesFrom(method.ContainingType, "Npgsql.NpgsqlCommand"))) continue;
            sources.AddManualStep(path, call.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                "prepared statements do not survive the Supabase transaction pooler (port 6543): remove Prepare, or use the session pooler (port 5432).");
        }
    }
}
