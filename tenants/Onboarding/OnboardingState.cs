using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;
using Toolkit.Core.Serialization;

namespace Toolkit.Tenants.Onboarding;

/// <summary>Where a step stands.</summary>
public enum StepStatus
{
    /// <summary>Started and not finished (the process may have died in it).</summary>
    Running,
    /// <summary>Finished.</summary>
    Done,
    /// <summary>Failed after every retry.</summary>
    Failed,
    /// <summary>A step that is not required failed; the run went on.</summary>
    Warned,
}

/// <summary>One step's record: status, attempts, the last error or note, and what it produced.</summary>
public sealed record StepRecord(StepStatus Status, int Attempts, string? Detail, DateTimeOffset At);

/// <summary>
/// The persisted state of one onboarding (<c>.toolkit/tenants/onboarding/SLUG.json</c>), written atomically
/// after every change, so a killed run is resumed, or undone, from exactly what it finished.
/// </summary>
public sealed record OnboardingState(OnboardingRequest Request, IReadOnlyDictionary<string, StepRecord> Steps, string? Connection = null)
{
    private static readonly JsonSerializerOptions Options = CanonicalJson.CreateOptions();

    /// <summary>True when every required step is done.</summary>
    public bool Completed(OnboardingWorkflow workflow) =>
        workflow.Steps.All(s => Steps.TryGetValue(s.Id, out var r) && (r.Status == StepStatus.Done || (!s.Required && r.Status == StepStatus.Warned)));

    /// <summary>The state with <paramref name="id"/> set to <paramref name="record"/>.</summary>
    public OnboardingState With(string id, StepRecord record) =>
        this with { Steps = new SortedDictionary<string, StepRecord>(Steps.ToDictionary(), StringComparer.Ordinal) { [id] = record } };

    /// <summary>Writes the state to <paramref name="path"/> (atomically).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");
    }

    /// <summary>Reads the state at <paramref name="path"/>, or null when there is none.</summary>
    public static OnboardingState? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<OnboardingState>(File.ReadAllText(path), Options); }
        catch (JsonException e)
        {
            throw new DiagnosticException(Diagnostic.Error("tenant-onboard", $"the onboarding state is unreadable ({e.Message}): fix or delete it", new SourceLocation(path, 1, 1)));
        }
    }
}
