using System.Reflection;

namespace Toolkit.Database.Scripts;

/// <summary>
/// Reads <c>.sql</c> (and <c>.psql</c>) resources embedded in an assembly. With a <paramref name="prefix"/> only resources starting with
/// it are read and the rest is the script's name (the shipped baseline); without one every <c>.sql</c> resource is
/// read under its full resource name, as DbUp's <c>WithScriptsEmbeddedInAssembly</c> names it
/// (<c>MyApp.Scripts.Script0001 - Create.sql</c>), so an existing DbUp journal matches.
/// </summary>
public sealed class EmbeddedScriptProvider(Assembly assembly, string? prefix = null) : IScriptProvider
{
    /// <inheritdoc />
    public IReadOnlyList<DatabaseScript> GetScripts()
    {
        var files = assembly.GetManifestResourceNames()
            .Where(n => prefix is null ? ScriptName.HasScriptExtension(n) : n.StartsWith(prefix, StringComparison.Ordinal) && !n[prefix.Length..].Contains('/'))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (prefix is null ? n : n[prefix.Length..], reader.ReadToEnd(), "embedded:" + n);
            });
        return ScriptSet.FromFiles(files);
    }
}
