using Toolkit.Database.Engines;

namespace Toolkit.Database.Execution;

/// <summary>Replaces <c>$name$</c> with each variable's value (quoted by the engine's dialect unless raw) (code and bodies only; strings and comments are left alone).</summary>
public static class VariableSubstitution
{
    /// <summary>The SQL with variables replaced.</summary>
    public static string Apply(string sql, IReadOnlyList<ScriptVariable> variables, IDatabaseEngine engine)
    {
        if (variables.Count == 0) return sql;
        var byName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        return SqlScanner.Replace(sql, byName.Keys.ToHashSet(StringComparer.Ordinal), name =>
            byName[name].Kind switch
            {
                VariableKind.Identifier => engine.QuoteIdentifier(byName[name].Value),
                VariableKind.Literal => engine.QuoteLiteral(byName[name].Value),
                _ => byName[name].Value,
            });
    }
}
