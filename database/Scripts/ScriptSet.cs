using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Scripts;

/// <summary>
/// Pairs up and down files into <see cref="DatabaseScript"/>s and checks the set: valid names, no two
/// scripts with one version, no down script without its up script. Shared by every provider.
/// </summary>
public static class ScriptSet
{
    /// <summary>Builds scripts from (name, text, source) files; every problem is reported at once.</summary>
    public static IReadOnlyList<DatabaseScript> FromFiles(IEnumerable<(string Name, string Text, string Source)> files)
    {
        var diagnostics = new List<Diagnostic>();
        var ups = new SortedDictionary<string, (string Text, string Source)>(StringComparer.Ordinal);
        var downs = new Dictionary<string, (string Text, string Source)>(StringComparer.Ordinal);
        foreach (var (name, text, source) in files)
        {
            var parsed = ScriptName.TryParse(name);
            if (parsed is null)
            {
                diagnostics.Add(Diagnostic.Error("db-script-name",
                    $"'{name}' is not a script name: rename it to NNNN_name.sql (or NNNN_name.down.sql for its down script).",
                    new SourceLocation(source, 1, 1)));
                continue;
            }
            if (parsed.IsDown) downs[parsed.FileName] = (text, source); else ups[parsed.FileName] = (text, source);
        }
        foreach (var (upName, down) in downs.Where(d => !ups.ContainsKey(d.Key)))
            diagnostics.Add(Diagnostic.Error("db-script-orphan-down",
                $"down script has no up script: add {upName} or remove this file.", new SourceLocation(down.Source, 1, 1)));
        foreach (var group in ups.GroupBy(u => ScriptName.Parse(u.Key).Version).Where(g => g.Count() > 1))
            diagnostics.Add(Diagnostic.Error("db-script-version",
                $"version {group.Key} is used by more than one script ({string.Join(", ", group.Select(g => g.Key))}): give each its own number.",
                new SourceLocation(group.Last().Value.Source, 1, 1)));
        if (diagnostics.Count > 0) throw new DiagnosticException(diagnostics);
        return ups.Select(u => new DatabaseScript(u.Key, u.Value.Text,
            downs.TryGetValue(u.Key, out var down) ? down.Text : null, u.Value.Source)).ToList();
    }
}
