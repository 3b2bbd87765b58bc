namespace Toolkit.Database.Scripts;

/// <summary>Where scripts come from (a folder, embedded resources, memory). One method, like DbUp's.</summary>
public interface IScriptProvider
{
    /// <summary>Every script, ordered by name. Throws <see cref="Core.Diagnostics.DiagnosticException"/> naming a bad file.</summary>
    IReadOnlyList<DatabaseScript> GetScripts();
}
