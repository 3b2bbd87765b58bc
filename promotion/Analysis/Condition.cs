using System.Globalization;

namespace Toolkit.Promotion.Analysis;

/// <summary>How a measured value is compared with a threshold.</summary>
public enum Comparison
{
    /// <summary><c>&lt;</c></summary>
    LessThan,
    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,
    /// <summary><c>&gt;</c></summary>
    GreaterThan,
    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,
    /// <summary><c>==</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
}

/// <summary>
/// A condition on a measured value, written the Argo way as <c>result &lt;= 0.02</c>.
/// Data only: <see cref="Evaluator"/> decides what a value meeting it means.
/// </summary>
public sealed record Condition(Comparison Comparison, double Threshold)
{
    private static readonly (string Text, Comparison Comparison)[] Operators =
    [
        ("<=", Comparison.LessThanOrEqual), (">=", Comparison.GreaterThanOrEqual), ("==", Comparison.Equal),
        ("!=", Comparison.NotEqual), ("<", Comparison.LessThan), (">", Comparison.GreaterThan),
    ];

    /// <summary>True when <paramref name="value"/> meets the condition (NaN never does).</summary>
    public bool IsMetBy(double value) => Comparison switch
    {
        Comparison.LessThan => value < Threshold,
        Comparison.LessThanOrEqual => value <= Threshold,
        Comparison.GreaterThan => value > Threshold,
        Comparison.GreaterThanOrEqual => value >= Threshold,
        Comparison.Equal => value == Threshold,
        Comparison.NotEqual => !double.IsNaN(value) && value != Threshold,
        _ => false,
    };

    /// <summary>Parses <c>result OP NUMBER</c> (OP one of &lt; &lt;= &gt; &gt;= == !=).</summary>
    /// <exception cref="FormatException">The text is not of that form; the message quotes it.</exception>
    public static Condition Parse(string text)
    {
        var rest = text.Trim();
        if (!rest.StartsWith("result", StringComparison.Ordinal))
            throw new FormatException($"condition '{text}' must start with 'result' (for example 'result <= 0.02').");
        rest = rest["result".Length..].TrimStart();
        foreach (var (op, comparison) in Operators)
        {
            if (!rest.StartsWith(op, StringComparison.Ordinal)) continue;
            var number = rest[op.Length..].Trim();
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) && double.IsFinite(threshold))
                return new Condition(comparison, threshold);
            throw new FormatException($"condition '{text}': '{number}' is not a number.");
        }
        throw new FormatException($"condition '{text}' has no comparison (use <, <=, >, >=, == or !=).");
    }

    /// <summary>The condition as text, for example <c>result &lt;= 0.02</c>.</summary>
    public override string ToString()
    {
        var op = Operators.First(o => o.Comparison == Comparison).Text;
        return $"result {op} {Threshold.ToString("R", CultureInfo.InvariantCulture)}";
    }
}
