using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Scripts;

/// <summary>
/// Pairs up and down files into <see cref="DatabaseScript"/>s, orders them and checks the set: no two scripts
/// with one version, no down script without its up script. Shared by every provider. Order: a folder with any
/// Flyway name is a Flyway folder (versioned scripts by version, numerically, then the repeatable ones by name, and
/// every file must be a Flyway name); otherwise scripts run in ordinal name order, as DbUp runs them.
/// </summary>
public static class ScriptSet
{
    /// <summary>Builds scripts from (name, text, source) files; every problem is reported at once.</summary>
    public static IReadOnlyList<DatabaseScript> FromFiles(IEnumerable<(string Name, string Text, string Source)> files)
    {
        var diagnostics = new List<Diagnostic>();
        var parsed = new List<(ScriptName Name, string Text, string Source)>();
        foreach (var (name, text, source) in files)
        {
            if (ScriptName.TryParse(name) is { } p) parsed.Add((p, text, source));
            else diagnostics.Add(Diagnostic.Error("db-script-name", $"'{name}' is not a script: script files end in .sql.", new SourceLocation(source, 1, 1)));
        }
        var flyway = parsed.Any(p => p.Name.Convention == ScriptConvention.Flyway);
        if (flyway)
            foreach (var other in parsed.Where(p => p.Name.Convention != ScriptConvention.Flyway))
                diagnostics.Add(Diagnostic.Error("db-script-name",
                    $"'{other.Name.FileName}' is not a Flyway name in a folder of Flyway scripts: rename it V<version>__<description>.sql (or U... for its undo, R__... when repeatable).",
                    new SourceLocation(other.Source, 1, 1)));
        var ups = new Dictionary<string, (ScriptName Name, string Text, string Source)>(StringComparer.Ordinal);
        var downs = new Dictionary<string, (string Text, string Source)>(StringComparer.Ordinal);
        foreach (var file in parsed)
        {
            if (file.Name.Role == ScriptRole.Down) downs[file.Name.Key] = (file.Text, file.Source);
            else if (!ups.TryAdd(file.Name.Key, file))
                diagnostics.Add(Diagnostic.Error("db-script-duplicate", $"'{file.Name.Key}' is given twice.", new SourceLocation(file.Source, 1, 1)));
        }
        foreach (var (upName, down) in downs.Where(d => !ups.ContainsKey(d.Key)))
            diagnostics.Add(Diagnostic.Error("db-script-orphan-down",
                $"down script has no up script: add {upName} or remove this file.", new SourceLocation(down.Source, 1, 1)));
        var versioned = ups.Values.Where(u => u.Name.Convention != ScriptConvention.DbUp && u.Name.Role == ScriptRole.Versioned);
        foreach (var group in versioned.GroupBy(u => u.Name.Convention == ScriptConvention.Flyway ? Canonical(u.Name.Version) : u.Name.Version).Where(g => g.Count() > 1))
            diagnostics.Add(Diagnostic.Error("db-script-version",
                $"version {group.First().Name.Version} is used by more than one script ({string.Join(", ", group.Select(g => g.Name.FileName).Order(StringComparer.Ordinal))}): give each its own number.",
                new SourceLocation(group.OrderBy(g => g.Name.FileName, StringComparer.Ordinal).Last().Source, 1, 1)));
        if (diagnostics.Count > 0) throw new DiagnosticException(diagnostics);
        IEnumerable<(ScriptName Name, string Text, string Source)> ordered = flyway
            ? ups.Values.Where(u => u.Name.Role == ScriptRole.Versioned).OrderBy(u => u.Name.Version, Comparer<string>.Create(ScriptName.CompareVersions))
                .Concat(ups.Values.Where(u => u.Name.Role == ScriptRole.Repeatable).OrderBy(u => u.Name.FileName, StringComparer.Ordinal))
            : ups.Values.OrderBy(u => u.Name.Key, StringComparer.Ordinal);
        return ordered.Select(u => new DatabaseScript(u.Name.Key, u.Text, downs.TryGetValue(u.Name.Key, out var down) ? down.Text : null, u.Source)).ToList();
    }

    // Flyway treats 1.0 and 1 as one version.
    private static string Canonical(string version) => string.Join('.', version.Split('.', '_').Select(p => p.TrimStart('0')).Reverse().SkipWhile(p => p.Length == 0).Reverse());
}
