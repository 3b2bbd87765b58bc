namespace Toolkit.Core.Diagnostics;

/// <summary>How bad a diagnostic is: errors block, warnings block unless allowed, info never blocks.</summary>
public enum Severity
{
    /// <summary>Informational only.</summary>
    Info,
    /// <summary>Allowed with an explicit opt-in (for example <c>--allow-warnings</c>).</summary>
    Warning,
    /// <summary>Blocks the operation.</summary>
    Error,
}

/// <summary>A place in a source file: 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// A person's recorded decision to accept a warning (or a failed compliance control) for a while: which rule or
/// control it covers, why, who decided, and the last day it holds (<c>YYYY-MM-DD</c>, UTC).
/// </summary>
public sealed record DiagnosticAcknowledgement(string Id, string Reason, string By, string Until);

/// <summary>
/// One finding with a stable code, printed the way compilers print them:
/// <c>FILE:LINE:COL: error CODE: message</c>. Its JSON form is <see cref="DiagnosticJson"/>, the one shape every verb prints.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location = null)
{
    /// <summary>Suggestions that would resolve the finding, if any.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>The acknowledgement that accepts this warning, when one in force matches it; an acknowledged warning does not block.</summary>
    public DiagnosticAcknowledgement? Acknowledged { get; init; }

    /// <summary>
    /// Whether this finding stops the command: every error; a warning unless it is acknowledged or
    /// <paramref name="allowWarnings"/> (<c>--allow-warnings</c>); never info.
    /// </summary>
    public bool Blocks(bool allowWarnings) => Severity switch
    {
        Severity.Error => true,
        Severity.Warning => !allowWarnings && Acknowledged is null,
        _ => false,
    };

    /// <summary>An error diagnostic.</summary>
    public static Diagnostic Error(string code, string message, SourceLocation? location = null) => new(Severity.Error, code, message, location);

    /// <summary>A warning diagnostic.</summary>
    public static Diagnostic Warning(string code, string message, SourceLocation? location = null) => new(Severity.Warning, code, message, location);

    /// <summary>An informational diagnostic.</summary>
    public static Diagnostic Info(string code, string message, SourceLocation? location = null) => new(Severity.Info, code, message, location);

    /// <inheritdoc />
    public override string ToString()
    {
        var level = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        var text = Location is null ? $"{level} {Code}: {Message}" : $"{Location}: {level} {Code}: {Message}";
        return Acknowledged is { } a ? $"{text} (acknowledged by {a.By} until {a.Until}: {a.Reason})" : text;
    }
}

/// <summary>Thrown to stop an operation on diagnostics the caller must print; carries them all.</summary>
public sealed class DiagnosticException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    /// <summary>Creates the exception for one diagnostic.</summary>
    public DiagnosticException(Diagnostic diagnostic) : this([diagnostic]) { }

    /// <summary>The diagnostics, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
