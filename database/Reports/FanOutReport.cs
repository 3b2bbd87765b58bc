using System.Globalization;
using System.Text;
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

    /// <summary>JSON, tenants by id.</summary>
    public static string ToJson(FanOutSummary summary) => ScriptReport.Json(w =>
    {
        w.WriteBoolean("successful", summary.Successful);
        if (summary.Refusal is not null) w.WriteString("refused", summary.Refusal);
        w.WriteString("backup", summary.BackupPath);
        w.WriteStartObject("counts");
        foreach (var state in Enum.GetValues<TenantRunState>()) w.WriteNumber(Name(state), summary.Count(state));
        w.WriteEndObject();
        w.WriteStartArray("tenants");
        foreach (var t in summary.Tenants)
        {
            w.WriteStartObject();
            w.WriteString("tenant", t.TenantId);
            w.WriteString("state", Name(t.State));
            w.WriteStartArray("applied");
            foreach (var a in t.Applied) w.WriteStringValue(a);
            w.WriteEndArray();
            if (t.Error is not null) w.WriteString("error", t.Error);
            if (t.FailingScript is not null) w.WriteString("failingScript", t.FailingScript);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    /// <summary>The word for <paramref name="state"/> in reports and the registry: <c>applied</c>, <c>not-started</c>, ...</summary>
    public static string StateName(TenantRunState state) => Name(state);

    private static string Name(TenantRunState state) => state switch
    {
        TenantRunState.NotStarted => "not-started",
        _ => state.ToString().ToLowerInvariant(),
    };
}
