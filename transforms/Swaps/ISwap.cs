namespace Toolkit.Transforms.Swaps;

/// <summary>
/// One technology swap (for example <c>ai:openai=anthropic</c>): reads an app's files and says how to
/// change them. It never writes; the migration engine records the plan, backs up, and applies it.
/// </summary>
public interface ISwap
{
    /// <summary>Id as given on the command line: <c>CATEGORY:FROM=TO</c>.</summary>
    string Id { get; }

    /// <summary>Category id from the catalogue (<c>ai</c>, <c>storage</c>, <c>database</c>...).</summary>
    string Category { get; }

    /// <summary>Option id swapped from.</summary>
    string From { get; }

    /// <summary>Option id swapped to.</summary>
    string To { get; }

    /// <summary>One sentence for plans and <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Computes the edits for the app at <see cref="SwapContext.AppRoot"/>; does not touch the disk.</summary>
    SwapResult Plan(SwapContext context);
}

/// <summary>
/// What a swap is given: the app's root directory (all reads stay below it) and optional values the
/// swap documents (for example <c>r2.accountId</c> or <c>supabase.projectRef</c>).
/// </summary>
public sealed record SwapContext(string AppRoot, IReadOnlyDictionary<string, string>? Options = null);

/// <summary>
/// A whole-file edit, relative to the app root. <paramref name="Before"/> null means the file is added;
/// <paramref name="After"/> null means it is deleted.
/// </summary>
public sealed record FileEdit(string RelativePath, string? Before, string? After);

/// <summary>Something the swap would not do safely, with where and why.</summary>
public sealed record ManualStep(string RelativePath, int Line, string Reason);

/// <summary>A database script a swap needs: an up script and, when reversible, a down script.</summary>
/// <param name="Name">File name, <c>NNNN_label.sql</c>.</param>
/// <param name="Up">The SQL that makes the change.</param>
/// <param name="Down">The SQL that undoes it, or null when it cannot be undone.</param>
/// <param name="MigratesData">True when it changes rows, not only the schema.</param>
public sealed record SwapDatabaseScript(string Name, string Up, string? Down, bool MigratesData = false);

/// <summary>Everything a swap would change.</summary>
public sealed record SwapResult(
    IReadOnlyList<FileEdit> Edits,
    IReadOnlyList<ManualStep> ManualSteps,
    IReadOnlyList<SwapDatabaseScript> DatabaseScripts)
{
    /// <summary>A result that changes nothing.</summary>
    public static SwapResult Empty { get; } = new([], [], []);
}
