using System.Reflection;

namespace Toolkit.Database.Scripts;

/// <summary>Reads scripts embedded in an assembly whose resource names start with a prefix (the rest is the file name).</summary>
public sealed class EmbeddedScriptProvider(Assembly assembly, string prefix) : IScriptProvider
{
    /// <inheritdoc />
    public IReadOnlyList<DatabaseScript> GetScripts()
    {
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n[prefix.Length..].Contains('/'))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[prefix.Length..], reader.ReadToEnd(), "embedded:" + n);
            });
        return ScriptSet.FromFiles(files);
    }
}
