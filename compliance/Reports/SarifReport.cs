using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Controls;
using Toolkit.Compliance.Evidence;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Reports;

/// <summary>
/// Renders a compliance report as SARIF 2.1.0: one rule per control, one <c>fail</c> result per failing piece
/// of evidence (level error for mandatory frameworks, warning for advisory), and one <c>pass</c> or
/// <c>notApplicable</c> result (level none) per other control. Locations point at the config file and name
/// the resource and property as a logical location.
/// </summary>
public static class SarifReport
{
    /// <summary>The SARIF 2.1.0 schema URI.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The tool name in <c>runs[].tool.driver.name</c>.</summary>
    public const string DriverName = "toolkit-compliance";

    private static readonly JsonSerializerOptions Write = new()
    {
        WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The SARIF log as indented JSON ending in a newline.</summary>
    public static string Render(ComplianceReport report)
    {
        var rules = new JsonArray();
        var results = new JsonArray();
        var index = 0;
        foreach (var f in report.Frameworks)
        foreach (var c in f.Controls)
        {
            var ruleId = $"{f.Id}/{c.Id}";
            var level = f.Enforcement == Enforcement.Mandatory ? "error" : "warning";
            rules.Add(new JsonObject
            {
                ["id"] = ruleId,
                ["name"] = $"{f.Name} {c.Id}",
                ["shortDescription"] = new JsonObject { ["text"] = $"{f.Name} {c.Id}: {c.Title}" },
                ["fullDescription"] = new JsonObject { ["text"] = $"{c.Title}. Evidence from checks: {string.Join(", ", c.Checks.Select(k => k.Id))}." },
                ["defaultConfiguration"] = new JsonObject { ["level"] = level },
                ["properties"] = new JsonObject { ["framework"] = f.Id, ["checks"] = new JsonArray(c.Checks.Select(k => (JsonNode?)JsonValue.Create(k.Id)).ToArray()) },
            });
            if (c.Status == CheckStatus.Fail)
            {
                foreach (var k in c.Checks.Where(k => k.Status == CheckStatus.Fail))
                foreach (var e in k.Evidence.Where(e => !e.Satisfied))
                    results.Add(Result(report, ruleId, index, "fail", level,
                        $"{f.Name} {c.Id} fails: resource '{e.Resource}' ({e.Type}) property '{e.Property}' is {e.Value}, expected {e.Expected} [check {k.Id}].", e, k.Id));
            }
            else if (c.Acceptance is { } accepted)
            {
                var first = c.Checks.SelectMany(k => k.Evidence).FirstOrDefault(e => !e.Satisfied);
                results.Add(Result(report, ruleId, index, "review", "note", $"{f.Name} {c.Id} fails, accepted risk: {StatusText.Acceptance(accepted)}", first, null));
            }
            else
            {
                var first = c.Checks.SelectMany(k => k.Evidence).FirstOrDefault();
                var kind = c.Status == CheckStatus.Pass ? "pass" : "notApplicable";
                var text = c.Status == CheckStatus.Pass
                    ? $"{f.Name} {c.Id} passes: {string.Join("; ", c.Checks.Select(k => $"{k.Id}: {k.Summary}"))}."
                    : $"{f.Name} {c.Id} does not apply: {string.Join("; ", c.Checks.Select(k => $"{k.Id}: {k.Summary}"))}.";
                results.Add(Result(report, ruleId, index, kind, "none", text, first, null));
            }
            index++;
        }

        var sarif = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = DriverName,
                        ["version"] = report.ToolkitVersion,
                        ["informationUri"] = "https://github.com/toolkit/toolkit/blob/main/docs/compliance.md",
                        ["rules"] = rules,
                    },
                },
                ["automationDetails"] = new JsonObject { ["id"] = $"{report.Project}/{report.Stack}/" },
                ["artifacts"] = new JsonArray(new JsonObject { ["location"] = new JsonObject { ["uri"] = ArtifactUri(report) } }),
                ["results"] = results,
                ["properties"] = new JsonObject
                {
                    ["project"] = report.Project, ["stack"] = report.Stack, ["configSha256"] = report.ConfigSha256,
                    ["status"] = StatusText.Short(report.Status),
                },
            }),
        };
        return sarif.ToJsonString(Write) + "\n";
    }

    private static JsonObject Result(ComplianceReport report, string ruleId, int ruleIndex, string kind, string level, string message, EvidenceItem? evidence, string? checkId)
    {
        var location = new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = ArtifactUri(report), ["index"] = 0 },
                ["region"] = new JsonObject { ["startLine"] = 1 },
            },
        };
        if (evidence is not null)
            location["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["name"] = evidence.Resource,
                ["fullyQualifiedName"] = $"{evidence.Resource}.{evidence.Property}",
                ["kind"] = "resource",
            });
        var result = new JsonObject
        {
            ["ruleId"] = ruleId,
            ["ruleIndex"] = ruleIndex,
            ["kind"] = kind,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = message },
            ["locations"] = new JsonArray(location),
        };
        if (evidence is not null)
            result["properties"] = new JsonObject
            {
                ["check"] = checkId, ["resource"] = evidence.Resource, ["type"] = evidence.Type, ["property"] = evidence.Property,
                ["value"] = evidence.Value, ["expected"] = evidence.Expected,
            };
        return result;
    }

    private static string ArtifactUri(ComplianceReport report) => report.ConfigFile.Length == 0 ? "toolkit.yaml" : report.ConfigFile;
}
