using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// Where a connection string lives besides appsettings, which a database swap cannot or must not rewrite:
/// user secrets (secrets.json is outside the app, in the developer's profile) and environment variables
/// read in code. Each becomes a manual step naming the place, so no copy keeps pointing at the old database.
/// </summary>
public static partial class ConnectionStringSources
{
    [GeneratedRegex(@"<UserSecretsId>\s*(?<id>[^<\s]+)\s*</UserSecretsId>")]
    private static partial Regex UserSecretsId();

    [GeneratedRegex(@"NEON|SUPABASE|DATABASE|POSTGRES|PG[A-Z_]*|CONNECTION|^ConnectionStrings__", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseVariable();

    /// <summary>Adds the manual steps for a swap away from <paramref name="provider"/>, telling what to set instead.</summary>
    public static void FlagOutsideSettings(SourceSet sources, string provider, string target)
    {
        foreach (var project in sources.PathsEndingWith(".csproj").ToList())
        {
            var text = sources.Read(project);
            if (!text.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) || UserSecretsId().Match(text) is not { Success: true } match) continue;
            var id = match.Groups["id"].Value;
            sources.AddManualStep(project, TextLines.LineOf(text, match.Index),
                $"user secrets ({id}) live outside the app (~/.microsoft/usersecrets/{id}/secrets.json, %APPDATA%\\Microsoft\\UserSecrets\\{id}\\secrets.json on Windows): " +
                $"if they hold a {provider} connection string, run 'dotnet user-secrets set \"ConnectionStrings:NAME\" \"...\"' with {target} in each developer's profile.");
        }
        foreach (var path in sources.CSharpFiles.ToList())
        {
            var text = sources.Read(path);
            if (!text.Contains("GetEnvironmentVariable", StringComparison.Ordinal) || !text.Contains("Npgsql", StringComparison.Ordinal) && !text.Contains("UseNpgsql", StringComparison.Ordinal)) continue;
            var root = sources.SyntaxTree(path).GetRoot();
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetEnvironmentVariable" }
                    || call.ArgumentList.Arguments is not [{ Expression: LiteralExpressionSyntax literal }]
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression) || !DatabaseVariable().IsMatch(literal.Token.ValueText)) continue;
                sources.AddManualStep(path, call.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                    $"the connection string comes from the environment variable {literal.Token.ValueText}: set it to {target} wherever the app runs (hosting settings, CI secrets, .env files).");
            }
        }
    }
}
