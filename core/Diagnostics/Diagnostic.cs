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
/// One finding with a stable code, printed the way compilers print them:
/// <c>FILE:LINE:COL: error CODE: message</c>.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location = null)
{
    /// <summary>Suggestions that would resolve the finding, if any.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

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
        return Location is null ? $"{level} {Code}: {Message}" : $"{Location}: {level} {Code}: {Message}";
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
