using System.Text.Json;
using Toolkit.Core.Output;
using Toolkit.Migrations.Planning;

namespace Toolkit.Migrations.Journal;

/// <summary>
/// The engine's own records inside the repository's git directory (never in the working tree, so they do
/// not make it dirty): one state file per plan, written atomically before each step, a copy of the plan,
/// and an append-only history.
/// </summary>
public sealed class MigrationJournal(string gitDirectory)
{
    /// <summary>The directory holding the records: <c>.git/toolkit</c>.</summary>
    public string Directory { get; } = Path.Combine(gitDirectory, "toolkit");

    private static readonly JsonSerializerOptions Compact = new(PlanJson.Options) { WriteIndented = false };

    private string StatePath(string planId) => Path.Combine(Directory, "migrations", planId + ".state.json");

    private string PlanPath(string planId) => Path.Combine(Directory, "migrations", planId + ".plan.json");

    private string HistoryPath => Path.Combine(Directory, "history.jsonl");

    /// <summary>The state of <paramref name="planId"/>, or null when it was never applied here.</summary>
    public MigrationState? Read(string planId) =>
        File.Exists(StatePath(planId)) ? JsonSerializer.Deserialize<MigrationState>(File.ReadAllText(StatePath(planId)), PlanJson.Options) : null;

    /// <summary>Writes <paramref name="state"/> atomically (temp file and rename).</summary>
    public void Write(MigrationState state) => AtomicFile.WriteAllText(StatePath(state.PlanId), JsonSerializer.Serialize(state, PlanJson.Options) + "\n");

    /// <summary>Keeps a copy of the plan beside its state, so status can describe it.</summary>
    public void SavePlan(MigrationPlan plan) => PlanJson.Write(plan, PlanPath(plan.Id));

    /// <summary>The copy of the plan saved when it was applied, or null.</summary>
    public MigrationPlan? ReadPlan(string planId) => File.Exists(PlanPath(planId)) ? PlanJson.Read(PlanPath(planId)) : null;

    /// <summary>A scratch directory inside the git directory (so a killed process leaves nothing in the working tree); emptied by <see cref="ClearScratch"/>.</summary>
    public string Scratch => Path.Combine(Directory, "tmp");

    /// <summary>Deletes what a killed process left in <see cref="Scratch"/>.</summary>
    public void ClearScratch()
    {
        if (System.IO.Directory.Exists(Scratch)) System.IO.Directory.Delete(Scratch, recursive: true);
    }

    /// <summary>Every plan state in this repository, by plan id.</summary>
    public IReadOnlyList<MigrationState> All()
    {
        var folder = Path.Combine(Directory, "migrations");
        if (!System.IO.Directory.Exists(folder)) return [];
        return System.IO.Directory.EnumerateFiles(folder, "*.state.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<MigrationState>(File.ReadAllText(f), PlanJson.Options)!).ToList();
    }

    /// <summary>Appends one history line.</summary>
    public void Append(string planId, string action, string outcome, string detail)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var entry = new HistoryEntry(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            planId, action, outcome, detail);
        File.AppendAllText(HistoryPath, JsonSerializer.Serialize(entry, Compact) + "\n");
    }

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> History() =>
        File.Exists(HistoryPath)
            ? File.ReadAllLines(HistoryPath).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<HistoryEntry>(l, PlanJson.Options)!).ToList()
            : [];
}
