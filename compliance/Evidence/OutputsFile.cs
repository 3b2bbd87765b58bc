using System.Text.Json;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Compliance.Evidence;

/// <summary>
/// Reads the output of <c>pulumi stack output --json --show-secrets=false</c> (a JSON object of output name
/// to value; secrets print as <c>"[secret]"</c>), or a compliance JSON report, into a <see cref="ComplianceReport"/>.
/// </summary>
public static class OutputsFile
{
    /// <summary>The name of the output every stack exports its compliance evidence as.</summary>
    public const string ComplianceOutput = "compliance";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="DiagnosticException">The file is missing, not JSON, or has no readable compliance object.</exception>
    public static ComplianceReport Read(string path)
    {
        if (!File.Exists(path))
            throw new DiagnosticException(Diagnostic.Error("TKC101", $"outputs file '{path}' does not exist."));
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses <paramref name="json"/>; <paramref name="file"/> names it in errors.</summary>
    public static ComplianceReport Parse(string json, string file)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false }); }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new DiagnosticException(Diagnostic.Error("TKC102",
                $"'{file}' is not valid JSON at line {line}, column {column}: {FirstSentence(e.Message)}", new SourceLocation(file, line, column)));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new DiagnosticException(Diagnostic.Error("TKC103",
                    $"'{file}' is not a stack outputs object (expected {{\"name\": value, ...}}, found {root.ValueKind.ToString().ToLowerInvariant()}).", new SourceLocation(file, 1, 1)));
            if (root.TryGetProperty("schema", out _) && root.TryGetProperty("frameworks", out _))
                return ComplianceJson.Read(root, file); // already a compliance report
            if (!root.TryGetProperty(ComplianceOutput, out var compliance))
            {
                var names = string.Join(", ", root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                throw new DiagnosticException(Diagnostic.Error("TKC104",
                    $"'{file}' has no '{ComplianceOutput}' output (outputs: {(names.Length == 0 ? "none" : names)}); synthesize the stack with this toolkit and deploy it first.",
                    new SourceLocation(file, 1, 1)));
            }
            if (compliance.ValueKind == JsonValueKind.String && compliance.GetString() == "[secret]")
                throw new DiagnosticException(Diagnostic.Error("TKC105",
                    $"'{file}': the '{ComplianceOutput}' output is marked secret, so it printed as \"[secret]\"; it holds no secrets and must be a plain output.",
                    new SourceLocation(file, 1, 1)));
            if (compliance.ValueKind != JsonValueKind.Object)
                throw new DiagnosticException(Diagnostic.Error("TKC103",
                    $"'{file}': the '{ComplianceOutput}' output is a {compliance.ValueKind.ToString().ToLowerInvariant()}, not an object.", new SourceLocation(file, 1, 1)));
            return ComplianceJson.Read(compliance, file);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
