using System.Text.Json;
using System.Text.Json.Serialization;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;

namespace Toolkit.Compliance.Evidence;

/// <summary>Reads and writes <see cref="ComplianceReport"/> as JSON: camelCase, kebab-case enums, two-space indent, \n line ends.</summary>
public static class ComplianceJson
{
    /// <summary>The serializer options every compliance JSON uses.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = CanonicalJson.CreateOptions();
        options.RespectNullableAnnotations = true;
        return options;
    }

    /// <summary>The report as indented JSON ending in a newline.</summary>
    public static string Write(ComplianceReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    /// <summary>The report as a JSON element (for a Pulumi output).</summary>
    public static JsonElement ToElement(ComplianceReport report) => JsonSerializer.SerializeToElement(report, Options);

    /// <summary>Reads a report from <paramref name="element"/>; <paramref name="file"/> names the source in errors.</summary>
    /// <exception cref="DiagnosticException">The element is not a compliance report.</exception>
    public static ComplianceReport Read(JsonElement element, string file)
    {
        try
        {
            var report = element.Deserialize<ComplianceReport>(Options)
                ?? throw new DiagnosticException(Diagnostic.Error("TKC110", $"{file}: the compliance object is null.", new SourceLocation(file, 1, 1)));
            if (report.Schema != ComplianceReport.CurrentSchema)
                throw new DiagnosticException(Diagnostic.Error("TKC111",
                    $"{file}: compliance schema '{report.Schema}' is not '{ComplianceReport.CurrentSchema}'.", new SourceLocation(file, 1, 1)));
            foreach (var framework in report.Frameworks)
                if (Controls.FrameworkNames.TryParse(framework.Id) is null)
                    throw new DiagnosticException(Diagnostic.Error("TKC112",
                        $"{file}: unknown framework '{framework.Id}' (known: {Controls.FrameworkNames.Known}).", new SourceLocation(file, 1, 1)));
            return report;
        }
        catch (JsonException e)
        {
            throw new DiagnosticException(Diagnostic.Error("TKC110",
                $"{file}: not a compliance report at {e.Path ?? "$"}: {e.Message}", new SourceLocation(file, 1, 1)));
        }
    }
}
