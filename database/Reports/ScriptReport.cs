using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;
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
        Kept(text, plan.KeptRepeatable);
        foreach (var d in plan.Diagnostics) text.Append(d).Append('\n');
        if (plan.RefusalMessage is not null) text.Append("refused: ").Append(plan.RefusalMessage).Append('\n');
        return text.ToString();
    }

    /// <summary>A plan as JSON (<see cref="ScriptPlanJson"/>).</summary>
    public static string ToJson(ScriptPlan plan) => CanonicalJson.Serialize(new ScriptPlanJson(
        plan.Refusal == ScriptFailure.None, plan.Direction == ScriptDirection.Up ? "up" : "down", plan.ContainsOneWay,
        plan.Steps.Select(s => new PlanStepJson(s.Name, s.Version, s.Checksum, s.OneWay, s.OutsideTransaction)).ToList(),
        plan.KeptRepeatable, plan.RefusalMessage, plan.RefusedScript, DiagnosticJson.From(plan.Diagnostics)));

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

    /// <summary>A status as JSON (<see cref="JournalStatusJson"/>); <c>ok</c> is false when an applied script changed.</summary>
    public static string ToJson(JournalStatus status, IReadOnlyList<Diagnostic>? diagnostics = null) => CanonicalJson.Serialize(new JournalStatusJson(
        status.Changed.Count == 0,
        status.Applied.Select(a => new AppliedScriptJson(a.Name, a.Checksum, a.AppliedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))).ToList(),
        status.Pending, status.Changed, status.Missing, DiagnosticJson.From(diagnostics ?? [])));

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
        Kept(text, result.KeptRepeatable);
        if (result.Successful) text.Append(CultureInfo.InvariantCulture, $"done: {result.Executed.Count} script(s)\n");
        return text.ToString();
    }

    // Rollbacks leave repeatable scripts in place: each is named, with why.
    private static void Kept(StringBuilder text, IReadOnlyList<string> kept)
    {
        foreach (var k in kept) text.Append("kept     ").Append(k).Append("  (repeatable: rollback undoes only versioned scripts with down scripts)\n");
    }

    /// <summary>A result as JSON (<see cref="ScriptRunJson"/>).</summary>
    public static string ToJson(ScriptRunResult result) => CanonicalJson.Serialize(new ScriptRunJson(
        result.Successful,
        result.Executed.Select(e => new ExecutedScriptJson(e.Name, e.Direction == ScriptDirection.Up ? "up" : "down", e.Checksum, e.OneWay)).ToList(),
        result.KeptRepeatable, result.Successful ? null : result.Failure, result.Error, result.FailingScript, DiagnosticJson.From(result.Diagnostics)));

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

    /// <summary>An adoption as JSON (<see cref="AdoptionJson"/>).</summary>
    public static string ToJson(AdoptionResult result) => CanonicalJson.Serialize(new AdoptionJson(
        result.Successful, result.DryRun, result.Journal?.From, result.Journal?.Qualified,
        result.Scripts.Select(s => new AdoptedScriptJson(s.JournalName, s.Script, s.State)).ToList(), result.Pending, result.Error,
        DiagnosticJson.From(result.Successful ? [] : [Diagnostic.Error("db-adopt", result.Error!)])));

    /// <summary>Lint findings as JSON (<see cref="LintJson"/>); <c>ok</c> is false when a finding blocks <c>migrate</c>.</summary>
    public static string ToJson(IReadOnlyList<string> scripts, IReadOnlyList<Diagnostic> findings) => CanonicalJson.Serialize(new LintJson(
        !findings.Any(d => d.Severity == Severity.Error), scripts, findings.Count(d => d.Severity == Severity.Error), findings.Count(d => d.Severity == Severity.Warning),
        DiagnosticJson.From(findings)));

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
}
