using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Database.Journal;

namespace Toolkit.Database.Reports;

/// <summary>Text and JSON renderings of plans, statuses and results, for the CLI. Deterministic: no timings in JSON plans.</summary>
public static class ScriptReport
{
    /// <summary>A plan as lines a person reads.</summary>
    public static string ToText(ScriptPlan plan)
    {
        var text = new StringBuilder();
        var verb = plan.Direction == ScriptDirection.Up ? "apply" : "revert";
        if (plan.Steps.Count == 0) text.Append("nothing to ").Append(verb).Append('\n');
        foreach (var step in plan.Steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"{verb} {step.Name}");
            if (step.Direction == ScriptDirection.Up && step.OneWay) text.Append("  [one-way: no down script]");
            if (step.OutsideTransaction) text.Append("  [outside a transaction]");
            text.Append('\n');
        }
        if (plan.Direction == ScriptDirection.Up && plan.ContainsOneWay)
            text.Append("this plan contains one-way scripts: once applied, rollback cannot pass them\n");
        foreach (var d in plan.Diagnostics) text.Append(d).Append('\n');
        if (plan.RefusalMessage is not null) text.Append("refused: ").Append(plan.RefusalMessage).Append('\n');
        return text.ToString();
    }

    /// <summary>A plan as JSON.</summary>
    public static string ToJson(ScriptPlan plan) => Json(w =>
    {
        w.WriteString("direction", plan.Direction == ScriptDirection.Up ? "up" : "down");
        w.WriteBoolean("oneWay", plan.ContainsOneWay);
        w.WriteStartArray("steps");
        foreach (var s in plan.Steps)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("version", s.Version);
            w.WriteString("checksum", s.Checksum);
            w.WriteBoolean("oneWay", s.OneWay);
            w.WriteBoolean("outsideTransaction", s.OutsideTransaction);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteDiagnostics(w, plan.Diagnostics);
        if (plan.RefusalMessage is not null)
        {
            w.WriteString("refused", plan.RefusalMessage);
            w.WriteString("refusedScript", plan.RefusedScript);
        }
    });

    /// <summary>A status as lines.</summary>
    public static string ToText(JournalStatus status)
    {
        var text = new StringBuilder();
        foreach (var a in status.Applied) text.Append("applied  ").Append(a.Name).Append('\n');
        foreach (var p in status.Pending) text.Append("pending  ").Append(p).Append('\n');
        foreach (var c in status.Changed) text.Append("changed  ").Append(c).Append("  (file differs from the applied text)\n");
        foreach (var m in status.Missing) text.Append("missing  ").Append(m).Append("  (applied, but its file is gone)\n");
        text.Append(CultureInfo.InvariantCulture, $"{status.Applied.Count} applied, {status.Pending.Count} pending, {status.Changed.Count} changed, {status.Missing.Count} missing\n");
        return text.ToString();
    }

    /// <summary>A status as JSON.</summary>
    public static string ToJson(JournalStatus status) => Json(w =>
    {
        w.WriteStartArray("applied");
        foreach (var a in status.Applied)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("checksum", a.Checksum);
            w.WriteString("appliedAt", a.AppliedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "pending", status.Pending);
        Strings(w, "changed", status.Changed);
        Strings(w, "missing", status.Missing);
    });

    /// <summary>A result's findings and error, each once, for stderr: <c>FILE:LINE:COL: severity RULE: message</c>, then <c>error: ...</c>.</summary>
    public static string Problems(ScriptRunResult result)
    {
        var text = new StringBuilder();
        foreach (var d in result.Diagnostics) text.Append(d).Append('\n');
        if (!result.Successful) text.Append("error: ").Append(result.Error).Append('\n');
        return text.ToString();
    }

    /// <summary>A result as lines (what ran); its findings and error are <see cref="Problems"/>.</summary>
    public static string ToText(ScriptRunResult result)
    {
        var text = new StringBuilder();
        foreach (var e in result.Executed)
            text.Append(e.Direction == ScriptDirection.Up ? "applied  " : "reverted ").Append(e.Name).Append(e.OneWay && e.Direction == ScriptDirection.Up ? "  [one-way]" : "").Append('\n');
        if (result.Successful) text.Append(CultureInfo.InvariantCulture, $"done: {result.Executed.Count} script(s)\n");
        return text.ToString();
    }

    /// <summary>A result as JSON.</summary>
    public static string ToJson(ScriptRunResult result) => Json(w =>
    {
        w.WriteBoolean("successful", result.Successful);
        w.WriteStartArray("executed");
        foreach (var e in result.Executed)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteString("direction", e.Direction == ScriptDirection.Up ? "up" : "down");
            w.WriteString("checksum", e.Checksum);
            w.WriteBoolean("oneWay", e.OneWay);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (!result.Successful)
        {
            w.WriteString("failure", JsonNamingPolicy.KebabCaseLower.ConvertName(result.Failure.ToString()));
            w.WriteString("error", result.Error);
            w.WriteString("failingScript", result.FailingScript);
        }
        WriteDiagnostics(w, result.Diagnostics);
    });

    /// <summary>An adoption as lines: the journal found, each row's fate, what migrate will run next.</summary>
    public static string ToText(AdoptionResult result)
    {
        var text = new StringBuilder();
        if (result.Journal is { } j) text.Append(CultureInfo.InvariantCulture, $"found {j.Kind} journal {j.Qualified} ({j.Rows} row(s))\n");
        foreach (var s in result.Scripts)
            text.Append(s.State switch
            {
                AdoptedState.Imported => $"imported   {s.Script}\n",
                AdoptedState.Changed => $"changed    {s.Script}  (the file differs from what {result.Journal?.Kind} applied: recorded under the old checksum, so migrate refuses it)\n",
                AdoptedState.NoFile => $"no file    {s.JournalName}  (in the journal, but no script has this name: not recorded)\n",
                _ => $"rerun      {s.Script}  (repeatable, changed since it ran: migrate runs it again)\n",
            });
        foreach (var p in result.Pending) text.Append("pending    ").Append(p).Append('\n');
        if (result.Error is null) text.Append(CultureInfo.InvariantCulture, $"{(result.DryRun ? "would import" : "imported")} {result.Scripts.Count(s => s.State is AdoptedState.Imported or AdoptedState.Changed)} script(s); " +
            $"{result.Scripts.Count(s => s.State == AdoptedState.NoFile)} journal row(s) without a file, {result.Scripts.Count(s => s.State == AdoptedState.Changed)} changed; {result.Pending.Count} pending for 'db migrate'\n");
        return text.ToString();
    }

    /// <summary>An adoption as JSON.</summary>
    public static string ToJson(AdoptionResult result) => Json(w =>
    {
        w.WriteBoolean("successful", result.Successful);
        w.WriteBoolean("dryRun", result.DryRun);
        if (result.Journal is { } j)
        {
            w.WriteString("from", j.From);
            w.WriteString("journal", j.Qualified);
        }
        w.WriteStartArray("scripts");
        foreach (var s in result.Scripts)
        {
            w.WriteStartObject();
            w.WriteString("journalName", s.JournalName);
            w.WriteString("script", s.Script);
            w.WriteString("state", JsonNamingPolicy.KebabCaseLower.ConvertName(s.State.ToString()));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "pending", result.Pending);
        if (result.Error is not null) w.WriteString("error", result.Error);
    });

    /// <summary>Writes an object with <paramref name="body"/> as indented JSON with a trailing newline.</summary>
    public static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteDiagnostics(Utf8JsonWriter w, IReadOnlyList<Core.Diagnostics.Diagnostic> diagnostics)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("rule", d.Code);
            w.WriteString("message", d.Message);
            if (d.Location is { } l)
            {
                w.WriteString("file", l.File);
                w.WriteNumber("line", l.Line);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
