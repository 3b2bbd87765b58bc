using System.Globalization;
using System.Text;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;
using Toolkit.Database.FanOut;

namespace Toolkit.Database.Reports;

/// <summary>Text and JSON of a fan-out summary: applied, skipped, failed per tenant, and the backup path.</summary>
public static class FanOutReport
{
    /// <summary>Lines a person reads.</summary>
    public static string ToText(FanOutSummary summary)
    {
        var text = new StringBuilder();
        // A refusal stops every tenant for one reason, reported once (on stderr by the CLI), not on every tenant's line.
        foreach (var t in summary.Tenants.Where(t => t.State != TenantRunState.Skipped && summary.Refusal is null))
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.TenantId}: {Name(t.State)}");
            if (t.Applied.Count > 0) text.Append(" ").Append(string.Join(", ", t.Applied));
            if (t.Error is not null) text.Append(" - ").Append(t.Error);
            text.Append('\n');
        }
        if (summary.BackupPath is not null) text.Append("backup: ").Append(summary.BackupPath).Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"tenants: {summary.Count(TenantRunState.Applied)} applied, {summary.Count(TenantRunState.Skipped)} skipped, {summary.Count(TenantRunState.Failed)} failed, {summary.Count(TenantRunState.NotStarted)} not started, {summary.Count(TenantRunState.Pending)} pending\n");
        return text.ToString();
    }

    /// <summary>JSON (<see cref="FanOutJson"/>), tenants by id.</summary>
    public static string ToJson(FanOutSummary summary) => CanonicalJson.Serialize(new FanOutJson(
        summary.Successful, summary.Refusal, summary.BackupPath,
        Enum.GetValues<TenantRunState>().ToDictionary(Name, summary.Count),
        summary.Tenants.Select(t => new TenantOutcomeJson(t.TenantId, Name(t.State), t.Applied, t.Error, t.FailingScript)).ToList(),
        DiagnosticJson.From(summary.Diagnostics)));

    /// <summary>The word for <paramref name="state"/> in reports and the registry: <c>applied</c>, <c>not-started</c>, ...</summary>
    public static string StateName(TenantRunState state) => Name(state);

    private static string Name(TenantRunState state) => state switch
    {
        TenantRunState.NotStarted => "not-started",
        _ => state.ToString().ToLowerInvariant(),
    };
}
