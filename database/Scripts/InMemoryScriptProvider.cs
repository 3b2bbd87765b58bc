namespace Toolkit.Database.Scripts;

/// <summary>Scripts given in code (for example a migration plan's database steps), ordered by name.</summary>
public sealed class InMemoryScriptProvider(IEnumerable<DatabaseScript> scripts) : IScriptProvider
{
    private readonly IReadOnlyList<DatabaseScript> _scripts = Validate(scripts);

    /// <inheritdoc />
    public IReadOnlyList<DatabaseScript> GetScripts() => _scripts;

    private static IReadOnlyList<DatabaseScript> Validate(IEnumerable<DatabaseScript> scripts)
    {
        var list = scripts.ToList();
        // Reuse the file rules (one version per script) by presenting the scripts as files.
        var files = list.SelectMany(s => s.Down is null
            ? new[] { (s.Name, s.Up, s.DisplayPath) }
            : new[] { (s.Name, s.Up, s.DisplayPath), (s.DownName, s.Down, s.DownName) });
        return ScriptSet.FromFiles(files).Select(s => s with { SourcePath = list.First(l => l.Name == s.Name).SourcePath }).ToList();
    }
}
