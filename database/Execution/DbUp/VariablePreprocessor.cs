using System.Diagnostics;
using DbUp.Engine;
using Toolkit.Database.Engines;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>
/// DbUp's preprocessor seam: replaces <c>$name$</c> (quoted identifiers, quoted literals, or raw as DbUp's own
/// substitution does) where it is code or inside a body, never in strings or comments. DbUp calls it right before
/// a script's commands run, so it also starts the script's clock.
/// </summary>
internal sealed class VariablePreprocessor(IReadOnlyList<ScriptVariable> variables, IDatabaseEngine engine, Stopwatch clock) : IScriptPreprocessor
{
    /// <inheritdoc />
    public string Process(string contents)
    {
        clock.Restart();
        return VariableSubstitution.Apply(contents, variables, engine);
    }
}
