using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// The way back from Supabase to Neon: connection strings on a Supabase host (the pooler
/// <c>aws-0-REGION.pooler.supabase.com</c> or the direct <c>db.REF.supabase.co</c>) point at the Neon pooled
/// endpoint <c>ep-NAME-pooler.REGION.aws.neon.tech</c>, port 5432, <c>SSL Mode=VerifyFull</c>, with the Neon
/// user and database. The endpoint name, user and database come from swap options, placeholders otherwise.
/// </summary>
public sealed class SupabaseToNeonConnectionStrings(RecipeArguments arguments) : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.SupabaseToNeonConnectionStrings";
    private const string EndpointPlaceholder = "ep-YOUR-ENDPOINT";
    private readonly string _database = arguments.Optional("database") ?? "neondb";

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Point Supabase connection strings at Neon";

    /// <inheritdoc/>
    public string Description =>
        "Rewrites every ConnectionStrings entry on a Supabase host for the Neon pooled endpoint (host, port 5432, user, database, SSL Mode=VerifyFull). " +
        "The endpoint, region and user come from the swap options neon.endpoint, neon.region and neon.user; the region defaults to the Supabase one. The password is cleared for a secret store.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("database", "Neon database name.", "neondb", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        ConnectionStringSettings.RewriteAll(sources, "supabase.", "Supabase",
            host => host.EndsWith(".pooler.supabase.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".supabase.co", StringComparison.OrdinalIgnoreCase),
            (supabase, host) => Rewrite(supabase, host, sources.Options));
        ConnectionStringSources.FlagOutsideSettings(sources, "Supabase", "the Neon pooled endpoint string (Host=ep-NAME-pooler.REGION.aws.neon.tech;SSL Mode=VerifyFull)");
    }

    private (NpgsqlConnectionString, IReadOnlyList<string>) Rewrite(NpgsqlConnectionString supabase, string host, IReadOnlyDictionary<string, string> options)
    {
        var steps = new List<string>();
        // aws-0-REGION.pooler.supabase.com names the region; db.REF.supabase.co does not.
        var first = host.Split('.')[0];
        var supabaseRegion = first.StartsWith("aws-", StringComparison.Ordinal) && first.IndexOf('-', 4) is > 0 and var dash ? first[(dash + 1)..] : null;
        var region = options.GetValueOrDefault("neon.region") ?? supabaseRegion ?? "us-east-1";
        if (!options.ContainsKey("neon.region"))
            steps.Add($"the Neon region was taken from {(supabaseRegion is null ? "nothing (the Supabase host names none), so it is us-east-1" : $"the Supabase host ({region})")}: check it matches the Neon project, or pass neon.region.");
        var endpoint = options.GetValueOrDefault("neon.endpoint") ?? EndpointPlaceholder;
        if (endpoint == EndpointPlaceholder)
            steps.Add($"replace {EndpointPlaceholder} in the host with the Neon endpoint id (ep-...; Neon console > Connect), or pass neon.endpoint.");
        var user = options.GetValueOrDefault("neon.user") ?? "neondb_owner";
        if (!options.ContainsKey("neon.user")) steps.Add("the user is neondb_owner, Neon's default owner role: change it if the Neon project uses another role, or pass neon.user.");
        if (!string.IsNullOrEmpty(supabase.Get("Password")))
            steps.Add("the Supabase password was removed: set the Neon role's password through user secrets or the environment (ConnectionStrings__NAME), not in this file.");
        var neon = supabase
            .Set("Host", $"{endpoint}-pooler.{region}.aws.neon.tech")
            .Set("Port", "5432")
            .Set("Database", _database)
            .Set("Username", user)
            .Set("SSL Mode", "VerifyFull");
        if (supabase.Get("Password") is not null) neon = neon.Set("Password", "");
        return (neon, steps);
    }
}
