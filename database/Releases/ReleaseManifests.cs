using Toolkit.Core.Releases;
using Toolkit.Database.Journal;

namespace Toolkit.Database.Releases;

/// <summary>Builds the one <see cref="ReleaseManifest"/> type from what a run executed.</summary>
public static class ReleaseManifests
{
    /// <summary>The manifest of the up scripts in <paramref name="executed"/> (distinct by name, in name order).</summary>
    public static ReleaseManifest From(IEnumerable<ExecutedScript> executed) =>
        ReleaseManifest.Of(executed.Where(e => e.Direction == ScriptDirection.Up).Select(e => new ReleaseManifestScript(e.Name, e.Checksum, e.OneWay)));
}
