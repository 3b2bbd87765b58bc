using System.Text.Json;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// Rewrites the <c>ConnectionStrings</c> entries of the app's <c>appsettings*.json</c> whose host a database
/// swap moves, in place (other settings, keys and layout kept), with the swap's manual steps per entry.
/// </summary>
public static class ConnectionStringSettings
{
    /// <summary>The rewrite of one parsed connection string on a matching host, and what a person must still do.</summary>
    public delegate (NpgsqlConnectionString Rewritten, IReadOnlyList<string> Steps) Rewrite(NpgsqlConnectionString connection, string host);

    /// <summary>Rewrites every entry of every settings file whose host <paramref name="matches"/>; <paramref name="marker"/> is the cheap text precondition.</summary>
    public static void RewriteAll(SourceSet sources, string marker, string provider, Func<string, bool> matches, Rewrite rewrite)
    {
        foreach (var path in sources.Paths.Where(RenameConfigurationKey.IsSettings).ToList())
        {
            var text = sources.Read(path);
            if (!text.Contains(marker, StringComparison.OrdinalIgnoreCase)) continue;
            IReadOnlyList<JsonPropertySpan> properties;
            try
            {
                properties = JsonPropertySpan.Read(text);
            }
            catch (JsonException e)
            {
                sources.AddManualStep(path, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON, so its {provider} connection strings were not changed: {e.Message}");
                continue;
            }
            // Replace from the end so earlier offsets stay valid.
            foreach (var property in properties.Where(p => p.Parent.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase) && p.StringValue is not null).Reverse())
            {
                var line = TextLines.LineOf(text, property.ValueStart);
                var parsed = NpgsqlConnectionString.TryParse(property.StringValue!);
                var host = parsed?.Get("Host");
                if (host is null || !matches(host))
                {
                    if (property.StringValue!.Contains(marker, StringComparison.OrdinalIgnoreCase))
                        sources.AddManualStep(path, line, $"'{property.Path}' names a {provider} host but is not a simple Key=Value connection string (a postgres:// URL?): rewrite it by hand.");
                    continue;
                }
                var (rewritten, steps) = rewrite(parsed!, host);
                foreach (var step in steps) sources.AddManualStep(path, line, $"'{property.Path}': {step}");
                text = text[..property.ValueStart] + JsonPropertySpan.Quote(rewritten.ToString()) + text[(property.ValueStart + property.ValueLength)..];
            }
            sources.Write(path, text);
        }
    }
}
