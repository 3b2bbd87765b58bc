using System.Text.Json.Nodes;
using Toolkit.Compliance.Evaluation;

namespace Toolkit.Dashboard.Panels;

/// <summary>Per stack and framework: the controls and their status, from the synthesized program (as <c>toolkit compliance report</c> computes them).</summary>
public static class CompliancePanel
{
    public static JsonNode Build(PlatformSnapshot snapshot)
    {
        var (config, errors, stacks) = snapshot.Current();
        if (config is null) return Panel.Errors(errors);
        var list = new JsonArray();
        foreach (var s in stacks.Where(s => s.Result.Program is not null))
        {
            var report = CompliancePolicy.Evaluate(s.Context, s.Result.Program!).Report;
            list.Add(new JsonObject
            {
                ["stack"] = s.Stack.Name,
                ["status"] = Panel.Kebab(report.Status.ToString()),
                ["report"] = $"toolkit compliance report --config {snapshot.ConfigPath} --stack {s.Stack.Name} --format html",
                ["frameworks"] = new JsonArray(report.Frameworks.Select(f => (JsonNode)new JsonObject
                {
                    ["id"] = f.Id,
                    ["name"] = f.Name,
                    ["enforcement"] = Panel.Kebab(f.Enforcement.ToString()),
                    ["status"] = Panel.Kebab(f.Status.ToString()),
                    ["pass"] = f.Summary.Pass,
                    ["fail"] = f.Summary.Fail,
                    ["notApplicable"] = f.Summary.NotApplicable,
                    ["controls"] = new JsonArray(f.Controls.Select(c => (JsonNode)new JsonObject
                    {
                        ["id"] = c.Id, ["title"] = c.Title, ["status"] = Panel.Kebab(c.Status.ToString()),
                    }).ToArray()),
                }).ToArray()),
            });
        }
        return new JsonObject { ["frameworks"] = string.Join(", ", config.Compliance.Frameworks.Select(f => f.ToString().ToLowerInvariant())), ["stacks"] = list };
    }
}
