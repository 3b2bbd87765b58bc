using Toolkit.Core.Diagnostics;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Semantics;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Swaps;

/// <summary>
/// A swap that runs one declarative recipe over the app's files in memory. When the app's
/// references cannot be resolved the recipe still runs, but code rewriters change nothing and list
/// manual steps instead (do no harm).
/// </summary>
public abstract class RecipeSwap : ISwap
{
    /// <inheritdoc/>
    public string Id => $"{Category}:{From}={To}";

    /// <inheritdoc/>
    public abstract string Category { get; }

    /// <inheritdoc/>
    public abstract string From { get; }

    /// <inheritdoc/>
    public abstract string To { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <summary>Name of the recipe the swap runs (embedded YAML).</summary>
    public abstract string RecipeName { get; }

    /// <summary>True when the recipe binds symbols, so the app's references must be resolved.</summary>
    protected virtual bool NeedsSemantics => true;

    /// <summary>Options the swap reads from <see cref="SwapContext.Options"/>, with what each means.</summary>
    public virtual IReadOnlyList<RecipeOption> SwapOptions => [];

    /// <inheritdoc/>
    /// <exception cref="DiagnosticException">The app root does not exist, or an option is unknown.</exception>
    public SwapResult Plan(SwapContext context)
    {
        var root = Path.GetFullPath(context.AppRoot);
        if (!Directory.Exists(root))
            throw new DiagnosticException(Diagnostic.Error("TK-SWAP-001", $"{context.AppRoot}: the app folder does not exist."));
        var options = context.Options ?? new Dictionary<string, string>();
        foreach (var unknown in options.Keys.Where(k => SwapOptions.All(o => o.Name != k)).Order(StringComparer.Ordinal))
            throw new DiagnosticException(Diagnostic.Error("TK-SWAP-002",
                $"{Id}: unknown option '{unknown}' (known: {(SwapOptions.Count == 0 ? "none" : string.Join(", ", SwapOptions.Select(o => o.Name)))})."));

        var files = SourceSet.LoadFiles(root);
        AppReferences? references = null;
        string? unresolved = null;
        if (NeedsSemantics)
        {
            try
            {
                references = AppReferenceResolver.Resolve(root);
            }
            catch (InvalidDataException e)
            {
                unresolved = e.Message; // names the app's files, never the scratch restore folder, so plans repeat
            }
            catch (Toolkit.Core.Processes.ProcessNotFoundException e)
            {
                unresolved = e.Message;
            }
        }
        var sources = new SourceSet(files, references, options);
        var projectFile = files.Keys.FirstOrDefault(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) ?? ".";
        if (unresolved is not null)
            sources.AddManualStep(projectFile, 1, $"the app's references could not be resolved, so C# code was not rewritten ({unresolved}).");
        else if (references is { Missing.Count: > 0 })
            sources.AddManualStep(projectFile, 1,
                $"the app's references resolved only in part: {string.Join("; ", references.Missing)}. Only code whose symbols bind was rewritten; " +
                "code using what is missing was left as it is, and the build after apply needs the missing parts.");
        RecipeCatalog.Default.Create(RecipeName).Run(sources);
        return sources.ToResult();
    }

    /// <summary>Runs the swap's recipe over in-memory files (used by tests and the benchmark).</summary>
    public SwapResult Plan(IReadOnlyDictionary<string, string> files, AppReferences? references, IReadOnlyDictionary<string, string>? options = null)
    {
        var sources = new SourceSet(files, references, options);
        RecipeCatalog.Default.Create(RecipeName).Run(sources);
        return sources.ToResult();
    }
}
