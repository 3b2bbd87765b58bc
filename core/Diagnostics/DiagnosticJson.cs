using System.Text.Json;
using Toolkit.Core.Serialization;

namespace Toolkit.Core.Diagnostics;

/// <summary>
/// The one JSON shape of a <see cref="Diagnostic"/>, for every verb's <c>--json</c>:
/// <c>{"code", "severity", "message", "file", "line", "column", "suggestions", "acknowledged"}</c>. Every key is
/// always present (<c>file</c>/<c>line</c>/<c>column</c>/<c>acknowledged</c> are null when unknown), so a consumer
/// never tests for keys. Written with <see cref="CanonicalJson.Options"/>.
/// </summary>
public sealed record DiagnosticJson(
    string Code,
    string Severity,
    string Message,
    string? File,
    int? Line,
    int? Column,
    IReadOnlyList<string> Suggestions,
    DiagnosticAcknowledgement? Acknowledged)
{
    /// <summary>The JSON form of <paramref name="diagnostic"/>.</summary>
    public static DiagnosticJson From(Diagnostic diagnostic) => new(
        diagnostic.Code,
        diagnostic.Severity switch { Diagnostics.Severity.Error => "error", Diagnostics.Severity.Warning => "warning", _ => "info" },
        diagnostic.Message,
        diagnostic.Location?.File,
        diagnostic.Location?.Line,
        diagnostic.Location?.Column,
        diagnostic.Suggestions,
        diagnostic.Acknowledged);

    /// <summary>The JSON forms of <paramref name="diagnostics"/>, in order.</summary>
    public static IReadOnlyList<DiagnosticJson> From(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(From).ToList();
}

/// <summary>
/// What a verb's <c>--json</c> prints when it refuses (bad input, a failed check, warnings not allowed):
/// <c>{"ok": false, "command", "diagnostics": [...], "hint"}</c>, with the same exit code as without <c>--json</c>.
/// </summary>
public sealed record RefusalJson(string Command, IReadOnlyList<DiagnosticJson> Diagnostics, string? Hint)
{
    /// <summary>Always false: the command did not do its work.</summary>
    public bool Ok => false;

    /// <summary>The document as text (canonical JSON, one trailing newline).</summary>
    public string ToJson() => CanonicalJson.Serialize(this);
}
