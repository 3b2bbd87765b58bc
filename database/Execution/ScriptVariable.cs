using Toolkit.Core.Diagnostics;

namespace Toolkit.Database.Execution;

/// <summary>How a variable's value is written into SQL.</summary>
public enum VariableKind
{
    /// <summary>As a quoted identifier: <c>"acme"</c>.</summary>
    Identifier,
    /// <summary>As a quoted string literal: <c>'acme'</c>.</summary>
    Literal,
    /// <summary>As written, unquoted: DbUp's own <c>$name$</c> substitution (the value is trusted SQL).</summary>
    Raw,
}

/// <summary>
/// A <c>$name$</c> placeholder and its value. Identifier and literal values are quoted for their kind by the
/// engine's dialect; raw values (DbUp's substitution, for users who have <c>$schema$.table</c> or
/// <c>$env$</c> in their scripts today) are spliced as written. Values holding <c>$</c> or NUL are refused so a
/// value can never close a dollar-quoted body either.
/// </summary>
public sealed record ScriptVariable
{
    private ScriptVariable(string name, string value, VariableKind kind)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$"))
            throw new DiagnosticException(Diagnostic.Error("db-variable-name", $"variable name '{name}' must be letters, digits and underscores."));
        if (value.Contains('$') || value.Contains('\0'))
            throw new DiagnosticException(Diagnostic.Error("db-variable-value", $"value of variable '{name}' must not contain '$' or NUL."));
        Name = name;
        Value = value;
        Kind = kind;
    }

    /// <summary>Name between the dollars.</summary>
    public string Name { get; }

    /// <summary>Unquoted value.</summary>
    public string Value { get; }

    /// <summary>How the value is quoted.</summary>
    public VariableKind Kind { get; }

    /// <summary>A variable written as a quoted identifier.</summary>
    public static ScriptVariable Identifier(string name, string value) => new(name, value, VariableKind.Identifier);

    /// <summary>A variable written as given, unquoted, as DbUp substitutes <c>$name$</c>.</summary>
    public static ScriptVariable Raw(string name, string value) => new(name, value, VariableKind.Raw);

    /// <summary>A variable written as a quoted string literal.</summary>
    public static ScriptVariable Literal(string name, string value) => new(name, value, VariableKind.Literal);
}
