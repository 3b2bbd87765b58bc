using System.Text.Json;

namespace Toolkit.Transforms.Semantics;

/// <summary>
/// Reads <c>obj/project.assets.json</c> (written by <c>dotnet restore</c>) for the compile-time
/// assemblies of every package of one target framework.
/// </summary>
public static class AssetsFile
{
    /// <summary>Absolute paths of the compile assemblies; placeholders (<c>_._</c>) are skipped.</summary>
    /// <exception cref="InvalidDataException">The file is not a restore output for <paramref name="targetFramework"/>.</exception>
    public static IReadOnlyList<string> CompileAssemblies(string assetsPath, string targetFramework)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = document.RootElement;
        var folders = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToList();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject()
            .FirstOrDefault(t => t.Name == targetFramework || t.Name.StartsWith(targetFramework + "/", StringComparison.Ordinal));
        if (target.Value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{assetsPath}: no target '{targetFramework}' in the restore output.");

        var result = new List<string>();
        foreach (var library in target.Value.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            if (!library.Value.TryGetProperty("compile", out var compile)) continue;
            var relative = libraries.GetProperty(library.Name).GetProperty("path").GetString()!;
            foreach (var item in compile.EnumerateObject())
            {
                if (Path.GetFileName(item.Name) == "_._") continue;
                var path = folders.Select(f => Path.Combine(f, relative, item.Name)).FirstOrDefault(File.Exists);
                if (path is not null) result.Add(Path.GetFullPath(path));
            }
        }
        return result.Order(StringComparer.Ordinal).ToList();
    }
}
