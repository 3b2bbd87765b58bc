using System.Text.Json.Nodes;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Dashboard.Panels;

/// <summary>What every panel shares: the error shape, kebab-case words.</summary>
public static class Panel
{
    /// <summary><c>{"errors": ["FILE:LINE:COL: error CODE: message", ...]}</c>.</summary>
    public static JsonNode Errors(IEnumerable<Diagnostic> errors) =>
        new JsonObject { ["errors"] = new JsonArray(errors.Select(e => (JsonNode)JsonValue.Create(e.ToString())).ToArray()) };

    /// <summary><c>BlueGreen</c> as <c>blue-green</c>.</summary>
    public static string Kebab(string pascal) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);
}
