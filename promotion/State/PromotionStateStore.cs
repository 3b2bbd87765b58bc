using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;

namespace Toolkit.Promotion.State;

/// <summary>
/// Reads and writes one stack's promotion state file (<c>.toolkit/promotion.&lt;stack&gt;.json</c> beside the
/// config). Writes are atomic (temp file + rename), so a job killed mid-write leaves the previous state.
/// </summary>
public sealed class PromotionStateStore(string path)
{
    /// <summary>The state file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The state file for <paramref name="stack"/> beside <paramref name="configPath"/>.</summary>
    public static PromotionStateStore Beside(string configPath, string stack) =>
        new(Toolkit.Core.Layout.ToolkitDirectory.Beside(configPath).PromotionState(stack));

    /// <summary>The saved state, or null when there is none.</summary>
    /// <exception cref="DiagnosticException">The file is unreadable; the message names it.</exception>
    public PromotionState? Load()
    {
        if (!File.Exists(Path)) return null;
        try
        {
            return JsonSerializer.Deserialize<PromotionState>(File.ReadAllText(Path), PromotionJson.Options)
                ?? throw new JsonException("the file is empty (null)");
        }
        catch (JsonException e)
        {
            throw new DiagnosticException(Diagnostic.Error("PROMO030",
                $"promotion state is unreadable ({e.Message}); fix it, or delete it to start a new promotion.",
                new SourceLocation(Path, (int)(e.LineNumber ?? 0) + 1, 1)));
        }
    }

    /// <summary>Saves <paramref name="state"/> atomically.</summary>
    public void Save(PromotionState state) => AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(state, PromotionJson.Options) + "\n");
}
