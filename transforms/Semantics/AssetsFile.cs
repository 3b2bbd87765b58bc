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

    /// <summary>
    /// After a failed restore: the ids of the project's direct packages that need a package restore
    /// could not get (the package itself, or one it depends on, at any depth), from the file's error
    /// logs and dependency graph. Empty when there is no such file or no such log.
    /// </summary>
    public static IReadOnlySet<string> FailedPackages(string assetsPath)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(assetsPath)) return result;
        using var document = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = document.RootElement;
        if (!root.TryGetProperty("logs", out var logs)) return result;
        var failing = logs.EnumerateArray()
            .Where(l => l.TryGetProperty("level", out var level) && level.GetString() == "Error" && l.TryGetProperty("libraryId", out _))
            .Select(l => l.GetProperty("libraryId").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (failing.Count == 0) return result;
        // id -> the ids it depends on, over every target.
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("targets", out var targets))
            foreach (var target in targets.EnumerateObject())
                foreach (var library in target.Value.EnumerateObject())
                {
                    var id = library.Name.Split('/')[0];
                    if (!graph.TryGetValue(id, out var children)) graph[id] = children = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    if (library.Value.TryGetProperty("dependencies", out var dependencies))
                        foreach (var dependency in dependencies.EnumerateObject()) children.Add(dependency.Name);
                }
        var direct = root.TryGetProperty("project", out var project) && project.TryGetProperty("frameworks", out var frameworks)
            ? frameworks.EnumerateObject().SelectMany(f => f.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name) : []).ToList()
            : [];
        foreach (var id in direct)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>([id]);
            while (pending.TryPop(out var next))
            {
                if (!seen.Add(next)) continue;
                if (failing.Contains(next)) { result.Add(id); break; }
                foreach (var child in graph.GetValueOrDefault(next) ?? []) pending.Push(child);
            }
        }
        return result;
    }
}
