using System.Text.Json;

namespace Toolkit.Compliance.Tests.Sarif;

/// <summary>
/// Structural validation of a SARIF 2.1.0 log, written from the OASIS standard (sections 3.13 sarifLog,
/// 3.14 run, 3.18 toolComponent, 3.49 reportingDescriptor, 3.27 result, 3.28 location): the required
/// properties, their JSON kinds, and the enumerations for level and kind. Returns every violation found.
/// </summary>
public static class SarifValidator
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];
    private static readonly string[] Kinds = ["notApplicable", "pass", "fail", "review", "open", "informational"];

    /// <summary>The violations in <paramref name="json"/> (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(string json)
    {
        var errors = new List<string>();
        using var document = JsonDocument.Parse(json);
        var log = document.RootElement;
        if (log.ValueKind != JsonValueKind.Object) return ["$: sarifLog must be an object"];
        Require(log, "$", "version", JsonValueKind.String, errors);
        if (log.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() != "2.1.0")
            errors.Add($"$.version: must be \"2.1.0\", is \"{version.GetString()}\"");
        if (log.TryGetProperty("$schema", out var schema) && (schema.ValueKind != JsonValueKind.String || !Uri.IsWellFormedUriString(schema.GetString(), UriKind.Absolute)))
            errors.Add("$.$schema: must be an absolute URI string");
        if (!Require(log, "$", "runs", JsonValueKind.Array, errors)) return errors;

        var r = 0;
        foreach (var run in log.GetProperty("runs").EnumerateArray())
        {
            var at = $"$.runs[{r++}]";
            if (!Require(run, at, "tool", JsonValueKind.Object, errors)) continue;
            var tool = run.GetProperty("tool");
            if (!Require(tool, $"{at}.tool", "driver", JsonValueKind.Object, errors)) continue;
            var driver = tool.GetProperty("driver");
            Require(driver, $"{at}.tool.driver", "name", JsonValueKind.String, errors);
            var ruleIds = new List<string>();
            if (driver.TryGetProperty("rules", out var rules))
            {
                if (rules.ValueKind != JsonValueKind.Array) errors.Add($"{at}.tool.driver.rules: must be an array");
                else
                {
                    var i = 0;
                    foreach (var rule in rules.EnumerateArray())
                    {
                        var ra = $"{at}.tool.driver.rules[{i++}]";
                        if (Require(rule, ra, "id", JsonValueKind.String, errors)) ruleIds.Add(rule.GetProperty("id").GetString()!);
                        foreach (var text in new[] { "shortDescription", "fullDescription" })
                            if (rule.TryGetProperty(text, out var message)) Require(message, $"{ra}.{text}", "text", JsonValueKind.String, errors);
                        if (rule.TryGetProperty("defaultConfiguration", out var dc) && dc.TryGetProperty("level", out var dl) && !Levels.Contains(dl.GetString()))
                            errors.Add($"{ra}.defaultConfiguration.level: '{dl}' is not one of {string.Join(", ", Levels)}");
                    }
                    if (ruleIds.Distinct().Count() != ruleIds.Count) errors.Add($"{at}.tool.driver.rules: ids must be unique");
                }
            }
            if (!Require(run, at, "results", JsonValueKind.Array, errors)) continue;
            var n = 0;
            foreach (var result in run.GetProperty("results").EnumerateArray())
                ValidateResult(result, $"{at}.results[{n++}]", ruleIds, errors);
        }
        return errors;
    }

    private static void ValidateResult(JsonElement result, string at, IReadOnlyList<string> ruleIds, List<string> errors)
    {
        if (Require(result, at, "message", JsonValueKind.Object, errors))
            Require(result.GetProperty("message"), $"{at}.message", "text", JsonValueKind.String, errors);
        if (Require(result, at, "ruleId", JsonValueKind.String, errors) && ruleIds.Count > 0 && !ruleIds.Contains(result.GetProperty("ruleId").GetString()!))
            errors.Add($"{at}.ruleId: '{result.GetProperty("ruleId").GetString()}' is not a rule of the driver");
        if (result.TryGetProperty("ruleIndex", out var index) &&
            (index.ValueKind != JsonValueKind.Number || index.GetInt32() < 0 || index.GetInt32() >= ruleIds.Count || ruleIds[index.GetInt32()] != result.GetProperty("ruleId").GetString()))
            errors.Add($"{at}.ruleIndex: does not point at the rule named by ruleId");
        var level = result.TryGetProperty("level", out var l) ? l.GetString() : "warning";
        var kind = result.TryGetProperty("kind", out var k) ? k.GetString() : "fail";
        if (!Levels.Contains(level)) errors.Add($"{at}.level: '{level}' is not one of {string.Join(", ", Levels)}");
        if (!Kinds.Contains(kind)) errors.Add($"{at}.kind: '{kind}' is not one of {string.Join(", ", Kinds)}");
        if (kind != "fail" && level != "none") errors.Add($"{at}: kind '{kind}' requires level 'none' (3.27.9)");
        if (!Require(result, at, "locations", JsonValueKind.Array, errors)) return;
        var i = 0;
        foreach (var location in result.GetProperty("locations").EnumerateArray())
        {
            var la = $"{at}.locations[{i++}]";
            if (location.ValueKind != JsonValueKind.Object) { errors.Add($"{la}: must be an object"); continue; }
            var hasPhysical = location.TryGetProperty("physicalLocation", out var physical);
            var hasLogical = location.TryGetProperty("logicalLocations", out var logical);
            if (!hasPhysical && !hasLogical) errors.Add($"{la}: needs a physicalLocation or logicalLocations");
            if (hasPhysical && Require(physical, $"{la}.physicalLocation", "artifactLocation", JsonValueKind.Object, errors))
                Require(physical.GetProperty("artifactLocation"), $"{la}.physicalLocation.artifactLocation", "uri", JsonValueKind.String, errors);
            if (hasPhysical && physical.TryGetProperty("region", out var region) && (!region.TryGetProperty("startLine", out var line) || line.GetInt32() < 1))
                errors.Add($"{la}.physicalLocation.region.startLine: must be >= 1");
            if (hasLogical)
                foreach (var ll in logical.EnumerateArray())
                    if (!ll.TryGetProperty("name", out _) && !ll.TryGetProperty("fullyQualifiedName", out _))
                        errors.Add($"{la}.logicalLocations: each needs a name or fullyQualifiedName");
        }
    }

    private static bool Require(JsonElement parent, string at, string name, JsonValueKind kind, List<string> errors)
    {
        if (!parent.TryGetProperty(name, out var value)) { errors.Add($"{at}.{name}: required"); return false; }
        if (value.ValueKind != kind) { errors.Add($"{at}.{name}: must be {kind.ToString().ToLowerInvariant()}, is {value.ValueKind.ToString().ToLowerInvariant()}"); return false; }
        return true;
    }
}
