using Toolkit.Core.Diagnostics;

namespace Toolkit.Migrations.Paths;

/// <summary>
/// The one gate every path the engine writes goes through: a relative path must stay inside the app
/// root after resolving <c>..</c> and every symbolic link on the way (an existing link that points
/// outside the app is refused as well).
/// </summary>
public sealed record AppPaths(string Root)
{
    /// <summary>Creates the gate for an app root (made absolute, links resolved).</summary>
    public static AppPaths For(string root) => new(RealPath(Path.GetFullPath(root)));

    /// <summary>The absolute path of <paramref name="relativePath"/>, or a MIG010 error naming it when it leaves the app.</summary>
    public string Resolve(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains('\0'))
            throw Outside(relativePath, "it is not a relative path");
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!IsInside(full)) throw Outside(relativePath, "it points outside the app");
        var real = RealPath(full);
        if (!IsInside(real)) throw Outside(relativePath, $"a symbolic link on the way leads to '{real}'");
        if (full == Root) throw Outside(relativePath, "it is the app root itself");
        return full;
    }

    /// <summary>True when <paramref name="fullPath"/> is the root or below it.</summary>
    public bool IsInside(string fullPath) =>
        fullPath == Root || fullPath.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every existing symbolic link along it resolved (missing tail parts kept as given).</summary>
    public static string RealPath(string fullPath)
    {
        var parts = fullPath.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(fullPath) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : Path.GetFullPath(target.FullName);
                if (target is not null) next = RealPath(next);
            }
            else if (!info.Exists && info.LinkTarget is not null)
            {
                // A dangling link: where it would lead.
                next = Path.GetFullPath(info.LinkTarget, current);
            }
            current = next;
        }
        return current;
    }

    private static DiagnosticException Outside(string path, string why) =>
        new(Diagnostic.Error("MIG010", $"refusing path '{path}': {why}; the engine never writes outside the app root."));
}
