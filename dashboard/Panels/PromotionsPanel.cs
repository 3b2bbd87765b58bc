using System.Text.Json.Nodes;
using Toolkit.Promotion.State;

namespace Toolkit.Dashboard.Panels;

/// <summary>The promotion state file of each stack (<c>.toolkit/promotion.STACK.json</c> beside the config): step, weights, status, last message.</summary>
public static class PromotionsPanel
{
    public static JsonNode Build(PlatformSnapshot snapshot)
    {
        var (config, errors, _) = snapshot.Current();
        if (config is null) return Panel.Errors(errors);
        var list = new JsonArray();
        foreach (var stack in config.Stacks)
        {
            var store = new PromotionStateStore(Path.Combine(snapshot.Directory, ".toolkit", $"promotion.{stack.Name}.json"));
            PromotionState? state;
            try { state = store.Load(); }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or Toolkit.Core.Diagnostics.DiagnosticException)
            {
                list.Add(new JsonObject { ["stack"] = stack.Name, ["error"] = $"{store.Path}: {e.Message}" });
                continue;
            }
            list.Add(state is null
                ? new JsonObject { ["stack"] = stack.Name, ["status"] = "none", ["file"] = store.Path }
                : new JsonObject
                {
                    ["stack"] = stack.Name,
                    ["status"] = Panel.Kebab(state.Status.ToString()),
                    ["target"] = state.Target,
                    ["step"] = $"{state.StepIndex + 1} of {state.Steps.Count}",
                    ["steps"] = string.Join(", ", state.Steps.Select(x => x + "%")),
                    ["greenPercent"] = state.GreenPercent,
                    ["bluePercent"] = 100 - state.GreenPercent,
                    ["runs"] = state.Runs,
                    ["message"] = state.Message,
                    ["file"] = store.Path,
                });
        }
        return new JsonObject { ["pattern"] = Panel.Kebab(config.Deployment.Pattern.ToString()), ["promotions"] = list };
    }
}
