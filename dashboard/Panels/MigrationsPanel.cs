using System.Text.Json.Nodes;
using Toolkit.Migrations.Journal;

namespace Toolkit.Dashboard.Panels;

/// <summary>Migration plans recorded in the app repository's <c>.git/toolkit/</c>: phase, backup ref, files written, and the history.</summary>
public static class MigrationsPanel
{
    public static JsonNode Build(PlatformSnapshot snapshot)
    {
        var git = FindGitDirectory(snapshot.Directory);
        if (git is null) return new JsonObject { ["repository"] = null, ["note"] = $"no git repository at or above {snapshot.Directory}", ["plans"] = new JsonArray() };
        var journal = new MigrationJournal(git);
        var history = journal.History();
        return new JsonObject
        {
            ["repository"] = Path.GetDirectoryName(git),
            ["plans"] = new JsonArray(journal.All().OrderBy(s => s.PlanId, StringComparer.Ordinal).Select(s => (JsonNode)new JsonObject
            {
                ["planId"] = s.PlanId,
                ["swaps"] = string.Join(", ", s.Swaps),
                ["phase"] = Panel.Kebab(s.Phase.ToString()),
                ["backupRef"] = s.BackupRef,
                ["filesWritten"] = s.FilesWritten.Count,
                ["scriptsApplied"] = s.ScriptsApplied.Count,
                ["message"] = s.Message,
            }).ToArray()),
            ["history"] = new JsonArray(history.TakeLast(20).Reverse().Select(h => (JsonNode)new JsonObject
            {
                ["time"] = h.Time, ["planId"] = h.PlanId, ["action"] = h.Action, ["outcome"] = h.Outcome, ["detail"] = h.Detail,
            }).ToArray()),
        };
    }

    private static string? FindGitDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git)) return git;
            // A worktree's .git is a file naming its git directory.
            if (File.Exists(git) && File.ReadAllText(git).Trim() is var link && link.StartsWith("gitdir:", StringComparison.Ordinal))
                return Path.GetFullPath(link["gitdir:".Length..].Trim(), dir.FullName);
        }
        return null;
    }
}
