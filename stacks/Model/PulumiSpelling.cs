namespace Toolkit.Stacks.Model;

/// <summary>
/// How Pulumi YAML spells the model's values, in one place: a built-in function is the one-key object
/// <c>fn::NAME: ARGUMENT</c> (<c>fn::secret</c>, <c>fn::toJSON</c>, <c>fn::invoke</c> with function, arguments,
/// return and options, <c>fn::join</c>...), and a literal <c>${</c> is escaped as <c>$${</c> so Pulumi never reads
/// it as an expression. The YAML writer and every reader of the model (compliance) go through it.
/// </summary>
public static class PulumiSpelling
{
    /// <summary><paramref name="value"/> with a built-in function turned into its one-key object; other values as they are.</summary>
    public static Value Builtins(Value value) => value switch
    {
        SecretValue s => new MapValue([new("fn::secret", s.Inner)]),
        JsonValue j => new MapValue([new("fn::toJSON", j.Inner)]),
        FunctionValue f => new MapValue([new("fn::" + f.Function, f.Argument)]),
        InvokeValue i => new MapValue([new("fn::invoke", Expr.Map(
            ("function", i.Function),
            ("arguments", i.Arguments),
            ("return", i.Return is null ? null : new StringValue(i.Return)),
            ("options", i.Provider is null ? null : Expr.Map(("provider", Expr.Ref(i.Provider))))))]),
        _ => value,
    };

    /// <summary>A literal string as Pulumi YAML reads it back unchanged: <c>${</c> escaped as <c>$${</c>.</summary>
    public static string Literal(string text) => text.Replace("${", "$${", StringComparison.Ordinal);
}
