using System.Text.Json;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Controls;

/// <summary>
/// The controls catalogue, shipped as data (<c>Controls/controls.json</c>, embedded): every control of
/// SOC 2, HIPAA and GDPR that Toolkit gives evidence for, in catalogue order.
/// </summary>
public sealed class ControlCatalogue
{
    private ControlCatalogue(IReadOnlyList<Control> controls) => Controls = controls;

    /// <summary>The catalogue shipped with this assembly.</summary>
    public static ControlCatalogue Default { get; } = LoadEmbedded();

    /// <summary>Every control, grouped by framework in catalogue order.</summary>
    public IReadOnlyList<Control> Controls { get; }

    /// <summary>The controls of <paramref name="framework"/>, in catalogue order.</summary>
    public IReadOnlyList<Control> For(ComplianceFramework framework) => Controls.Where(c => c.Framework == framework).ToList();

    /// <summary>Every check id any control names, sorted.</summary>
    public IReadOnlyList<string> CheckIds => Controls.SelectMany(c => c.CheckIds).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Parses a catalogue in the shape of <c>controls.json</c>.</summary>
    public static ControlCatalogue Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var controls = new List<Control>();
        foreach (var framework in document.RootElement.GetProperty("frameworks").EnumerateArray())
        {
            var id = framework.GetProperty("id").GetString()!;
            var parsed = FrameworkNames.TryParse(id) ?? throw new InvalidDataException($"controls.json: unknown framework '{id}'.");
            foreach (var control in framework.GetProperty("controls").EnumerateArray())
                controls.Add(new Control(parsed,
                    control.GetProperty("id").GetString()!,
                    control.GetProperty("title").GetString()!,
                    control.GetProperty("checks").EnumerateArray().Select(c => c.GetString()!).ToList())
                {
                    RuleIds = control.TryGetProperty("rules", out var rules) ? rules.EnumerateArray().Select(r => r.GetString()!).ToList() : [],
                });
        }
        return new ControlCatalogue(controls);
    }

    private static ControlCatalogue LoadEmbedded()
    {
        using var stream = typeof(ControlCatalogue).Assembly.GetManifestResourceStream("Toolkit.Compliance.Controls.controls.json")
            ?? throw new InvalidOperationException("The embedded controls catalogue is missing from Toolkit.Compliance.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
