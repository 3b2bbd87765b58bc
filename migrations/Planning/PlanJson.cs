using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;
using Toolkit.Core.Serialization;

namespace Toolkit.Migrations.Planning;

/// <summary>
/// Reads and writes plans as JSON: camelCase, kebab-case enums, two-space indent, <c>\n</c> line ends,
/// readable (unescaped) diff text, so the same plan is always the same bytes.
/// </summary>
public static class PlanJson
{
    /// <summary>The serializer options every plan uses.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        // Dictionary keys (file paths, categories) stay as written: CanonicalJson sets no key policy.
        var options = CanonicalJson.CreateOptions();
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }

    /// <summary>The plan as JSON text ending in a newline.</summary>
    public static string Serialize(MigrationPlan plan) => JsonSerializer.Serialize(plan, Options) + "\n";

    /// <summary>Writes the plan atomically.</summary>
    public static void Write(MigrationPlan plan, string path) => AtomicFile.WriteAllText(path, Serialize(plan));

    /// <summary>Reads a plan file; a missing, malformed or tampered file is a located error.</summary>
    public static MigrationPlan Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new DiagnosticException(Diagnostic.Error("MIG001", $"plan file '{full}' does not exist."));
        MigrationPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<MigrationPlan>(File.ReadAllText(full), Options);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            throw new DiagnosticException(Diagnostic.Error("MIG002", $"'{full}' is not a migration plan: {e.Message}",
                new SourceLocation(full, line, (int)(e.BytePositionInLine ?? 0) + 1)));
        }
        if (plan is null) throw new DiagnosticException(Diagnostic.Error("MIG002", $"'{full}' is not a migration plan (empty)."));
        var expected = ComputeId(plan);
        if (plan.Id != expected)
            throw new DiagnosticException(Diagnostic.Error("MIG003",
                $"plan '{full}' was edited after planning: its id is {plan.Id} but its content gives {expected}; run 'toolkit migrate plan' again.",
                new SourceLocation(full, 1, 1)));
        return plan;
    }

    /// <summary>
    /// The content-derived id: SHA-256 of the plan's JSON with the id and the absolute app root blanked,
    /// so moving a clone elsewhere gives the same id.
    /// </summary>
    public static string ComputeId(MigrationPlan plan)
    {
        var neutral = plan with { Id = "", App = plan.App with { Root = "" } };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(neutral, Options)));
        return "mp-" + Convert.ToHexStringLower(bytes)[..16];
    }
}
