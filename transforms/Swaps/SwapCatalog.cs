using Toolkit.Core.Diagnostics;

namespace Toolkit.Transforms.Swaps;

/// <summary>Every swap the toolkit knows, found by id (<c>CATEGORY:FROM=TO</c>).</summary>
public static class SwapCatalog
{
    /// <summary>All swaps, sorted by id.</summary>
    public static IReadOnlyList<ISwap> All { get; } =
        new ISwap[] { new OpenAiToAnthropicSwap(), new S3ToR2Swap(), new NeonToSupabaseSwap(), new R2ToS3Swap(), new SupabaseToNeonSwap(),
            new AnthropicToOpenAiSwap(), new AnthropicToOllamaSwap(), new OpenAiToOllamaSwap(), new AzureOpenAiToAnthropicSwap(),
            new OllamaToOpenAiSwap(), new OllamaToAnthropicSwap() }
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    /// <summary>The swap with <paramref name="id"/>, or null.</summary>
    public static ISwap? TryFind(string id) =>
        All.FirstOrDefault(s => s.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The swap with <paramref name="id"/>.</summary>
    /// <exception cref="DiagnosticException">No swap has that id (the message lists the known ones).</exception>
    public static ISwap Find(string id) => TryFind(id) ?? throw new DiagnosticException(Diagnostic.Error("TK-SWAP-000",
        $"unknown swap '{id}' (known: {string.Join(", ", All.Select(s => s.Id))})."));
}
