using System.Text.RegularExpressions;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

public sealed partial class ChangePackage
{
    // atLeast: packages the new one depends on at a minimum version. An app that pins one of them lower
    // (System.Text.Json 9.0.10 beside Anthropic 13.14.0, which needs 10.0.6) no longer restores: NuGet
    // reports a downgrade (NU1605), an error by default. The pin is raised to the floor, with a step saying so.
    private void RaiseFloors(SourceSet sources, string path)
    {
        if (_atLeast.Count == 0) return;
        var text = sources.Read(path);
        var steps = new List<(int Line, string Reason)>();
        var changed = PackageElement().Replace(text, m =>
        {
            if (!_atLeast.TryGetValue(m.Groups["id"].Value, out var floor) || VersionAttribute().Match(m.Value) is not { Success: true } version) return m.Value;
            var pinned = version.Value[version.Groups["open"].Length..^version.Groups["close"].Length];
            if (!IsBelow(pinned, floor)) return m.Value;
            steps.Add((TextLines.LineOf(text, m.Index), $"{m.Groups["id"].Value} was raised from {pinned} to {floor}: {_to} {_version} and the packages added with it need at least that version, and NuGet refuses the downgrade (NU1605)."));
            return VersionAttribute().Replace(m.Value, v => v.Groups["open"].Value + floor + v.Groups["close"].Value, 1);
        });
        if (steps.Count == 0) return;
        sources.Write(path, changed);
        foreach (var (line, reason) in steps) sources.AddManualStep(path, line, reason);
    }

    // An exact version (1.2.3, 1.2.3-beta) below the floor; ranges and properties ($(Version)) are left alone.
    private static bool IsBelow(string pinned, string floor) =>
        ExactVersion().IsMatch(pinned) && Version.TryParse(pinned.Split('-')[0], out var have) && Version.TryParse(floor.Split('-')[0], out var need) && have < need;

    [GeneratedRegex(@"^\d+(\.\d+){1,3}(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactVersion();
}
