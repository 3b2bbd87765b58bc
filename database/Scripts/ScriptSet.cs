using Toolkit.Core.Diagnostics;
using Toolkit.Database.Scripts.Flyway;

namespace Toolkit.Database.Scripts;

/// <summary>
/// Pairs up and down files into <see cref="DatabaseScript"/>s, orders them and checks the set: no two scripts
/// with one version, no down script without its up script. Shared by every provider. Order: a folder with any
/// Flyway name is a Flyway folder (versioned scripts by version, numerically, then the repeatable ones by name, and
/// every file must be a Flyway name; an undo script belongs to the versioned script of its version); otherwise scripts
/// run in ordinal name order, as DbUp runs them.
/// </summary>
public static class ScriptSet
{
    /// <summary>Builds scripts from (name, text, source) files; every problem is reported at once.</summary>
    public static IReadOnlyList<DatabaseScript> FromFiles(IEnumerable<(string Name, string Text, string Source)> files)
    {
        var diagnostics = new List<Diagnostic>();
        var parsed = new List<ScriptFile>();
        foreach (var (name, text, source) in files)
        {
            if (ScriptName.TryParse(name) is { } p) parsed.Add(new ScriptFile(p, text, source, name));
            else diagnostics.Add(Diagnostic.Error("db-script-name", $"'{name}' is not a script: script files end in .sql.", new SourceLocation(source, 1, 1)));
        }
        var flyway = parsed.Any(p => p.Name.Convention == ScriptConvention.Flyway);
        if (flyway)
            foreach (var other in parsed.Where(p => p.Name.Convention != ScriptConvention.Flyway))
                diagnostics.Add(NotFlyway(other.Display, other.Source, FlywayNaming.Default));
        return Build(parsed, diagnostics, flyway ? FlywayNaming.Default : null, null);
    }

    /// <summary>One file of a set: its parsed name, text, where it was read and how messages name it (its path below the location).</summary>
    internal sealed record ScriptFile(ScriptName Name, string Text, string Source, string Display);

    /// <summary>The error for a file that is not a Flyway name among Flyway scripts.</summary>
    internal static Diagnostic NotFlyway(string display, string source, FlywayNaming naming) => Diagnostic.Error("db-script-name",
        $"'{display}' is not a Flyway name in a folder of Flyway scripts: rename it {naming.Pattern} " +
        $"(or {naming.UndoPrefix}... for its undo, {naming.RepeatablePrefix}{naming.Separator}... when repeatable).",
        new SourceLocation(source, 1, 1));

    /// <summary>
    /// Pairs, checks and orders <paramref name="files"/>. With <paramref name="flyway"/> every file is a Flyway name of that
    /// naming; <paramref name="expand"/> (a Flyway project's placeholders) gives the text that runs, the checksum staying the file's.
    /// </summary>
    internal static IReadOnlyList<DatabaseScript> Build(IReadOnlyList<ScriptFile> files, List<Diagnostic> diagnostics, FlywayNaming? flyway,
        Func<ScriptFile, string, string>? expand)
    {
        var ups = new Dictionary<string, ScriptFile>(StringComparer.Ordinal);
        var downs = new Dictionary<string, ScriptFile>(StringComparer.Ordinal);
        // Flyway pairs an undo script with the versioned one by version (U1.0__x with V1__y); ours and DbUp's by name.
        string DownKey(ScriptFile f) => flyway is null ? f.Name.Key : Canonical(f.Name.Version);
        foreach (var file in files)
        {
            if (file.Name.Role == ScriptRole.Down)
            {
                if (!downs.TryAdd(DownKey(file), file))
                    diagnostics.Add(Diagnostic.Error("db-script-duplicate",
                        $"two down scripts for one script: {downs[DownKey(file)].Display} and {file.Display}; keep one.", new SourceLocation(file.Source, 1, 1)));
            }
            else if (!ups.TryAdd(file.Name.Key, file))
                diagnostics.Add(Diagnostic.Error("db-script-duplicate",
                    $"'{file.Name.Key}' is given twice ({ups[file.Name.Key].Display} and {file.Display}): give each script its own name.", new SourceLocation(file.Source, 1, 1)));
        }
        var versioned = ups.Values.Where(u => u.Name.Convention != ScriptConvention.DbUp && u.Name.Role == ScriptRole.Versioned).ToList();
        var upKeys = flyway is null ? ups.Keys.ToHashSet(StringComparer.Ordinal) : versioned.Select(DownKey).ToHashSet(StringComparer.Ordinal);
        foreach (var down in downs.Values.Where(d => !upKeys.Contains(DownKey(d))).OrderBy(d => d.Display, StringComparer.Ordinal))
            diagnostics.Add(Diagnostic.Error("db-script-orphan-down",
                flyway is null
                    ? $"down script has no up script: add {down.Name.Key} or remove this file."
                    : $"undo script {down.Display} has no versioned script of version {down.Name.Version}: add one or remove this file.",
                new SourceLocation(down.Source, 1, 1)));
        foreach (var group in versioned.GroupBy(u => u.Name.Convention == ScriptConvention.Flyway ? Canonical(u.Name.Version) : u.Name.Version).Where(g => g.Count() > 1))
            diagnostics.Add(Diagnostic.Error("db-script-version",
                $"version {group.First().Name.Version} is used by more than one script ({string.Join(", ", group.Select(g => g.Display).Order(StringComparer.Ordinal))}): give each its own number.",
                new SourceLocation(group.OrderBy(g => g.Display, StringComparer.Ordinal).Last().Source, 1, 1)));
        var texts = new Dictionary<ScriptFile, string>();
        if (expand is not null)
            foreach (var file in files)
            {
                try { texts[file] = expand(file, file.Text); }
                catch (DiagnosticException e) { diagnostics.AddRange(e.Diagnostics); }
            }
        if (diagnostics.Count > 0) throw new DiagnosticException(diagnostics);
        if (flyway is null)
            return ups.Values.OrderBy(u => u.Name.Key, StringComparer.Ordinal)
                .Select(u => new DatabaseScript(u.Name.Key, u.Text, downs.TryGetValue(u.Name.Key, out var down) ? down.Text : null, u.Source)).ToList();
        string Text(ScriptFile f) => texts.TryGetValue(f, out var t) ? t : f.Text;
        return ups.Values.Where(u => u.Name.Role == ScriptRole.Versioned).OrderBy(u => u.Name.Version, Comparer<string>.Create(ScriptName.CompareVersions))
            .Concat(ups.Values.Where(u => u.Name.Role == ScriptRole.Repeatable).OrderBy(u => u.Name.FileName, StringComparer.Ordinal))
            .Select(u =>
            {
                var down = u.Name.Role == ScriptRole.Versioned ? downs.GetValueOrDefault(DownKey(u)) : null;
                return new DatabaseScript(u.Name, u.Text, Text(u), down is null ? null : Text(down),
                    down?.Name.FileName ?? (u.Name.Role == ScriptRole.Versioned ? flyway.UndoNameOf(u.Name) : null), u.Source);
            }).ToList();
    }

    // Flyway treats 1.0 and 1 as one version.
    private static string Canonical(string version) => string.Join('.', version.Split('.', '_').Select(p => p.TrimStart('0')).Reverse().SkipWhile(p => p.Length == 0).Reverse());
}
