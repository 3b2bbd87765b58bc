using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// One Microsoft.Extensions.AI <c>IChatClient</c> provider: the only place that knows how its client is
/// built and how its errors look. Code ported to <c>IChatClient</c> differs between providers only
/// where the client is created and in <c>catch</c> clauses, so a provider swap changes just those.
/// </summary>
/// <param name="Id">Provider id as in swap ids (<c>anthropic</c>, <c>ollama</c>, <c>openai</c>).</param>
/// <param name="Namespaces">Namespaces the created client needs, besides Microsoft.Extensions.AI.</param>
/// <param name="ExceptionType">The exception its HTTP errors surface as.</param>
/// <param name="KeyEnvironmentVariable">Environment variable holding its API key, or null when it takes none.</param>
public sealed record ChatProvider(string Id, IReadOnlyList<string> Namespaces, string ExceptionType, string? KeyEnvironmentVariable)
{
    /// <summary>Anthropic SDK 13.x: <c>new AnthropicClient { ApiKey = key }.AsIChatClient(model)</c>.</summary>
    public static ChatProvider Anthropic { get; } = new("anthropic", ["Anthropic"], "Anthropic.Exceptions.AnthropicApiException", "ANTHROPIC_API_KEY");

    /// <summary>OllamaSharp 5.x: <c>new OllamaApiClient(new Uri(endpoint), model)</c> (no key; the endpoint from <see cref="OllamaEndpoint"/>).</summary>
    public static ChatProvider Ollama { get; } = new("ollama", ["OllamaSharp"], "HttpRequestException", null);

    /// <summary>
    /// OpenAI .NET 2.x through Microsoft.Extensions.AI.OpenAI: <c>new OpenAI.Chat.ChatClient(model, key).AsIChatClient()</c>, named in
    /// full with <c>using OpenAI;</c> (the package recipe reads usings): <c>using OpenAI.Chat;</c> would make Microsoft.Extensions.AI's
    /// <c>ChatMessage</c> and <c>ChatFinishReason</c> ambiguous in the file.
    /// </summary>
    public static ChatProvider OpenAi { get; } = new("openai", ["OpenAI"], "System.ClientModel.ClientResultException", "OPENAI_API_KEY");

    /// <summary>The configuration section the swaps rename the old provider's section to (<c>Anthropic</c>, <c>Ollama</c>, <c>OpenAI</c>).</summary>
    public string ConfigurationSection => Id switch { "anthropic" => "Anthropic", "ollama" => "Ollama", _ => "OpenAI" };

    /// <summary>The setting the Ollama endpoint is read from (configuration key, or its environment variable form), and its default.</summary>
    internal const string OllamaEndpointKey = "Ollama:Endpoint", OllamaEndpointDefault = "http://localhost:11434";

    /// <summary>
    /// C# for the Ollama endpoint where <paramref name="at"/> is, from one clear setting: <c>Ollama:Endpoint</c> from the
    /// <c>IConfiguration</c> in scope, else its environment form <c>Ollama__Endpoint</c>, with <paramref name="fallback"/>
    /// written out where neither is set (never hidden).
    /// </summary>
    internal static string OllamaEndpoint(SemanticModel model, SyntaxNode at, string fallback = OllamaEndpointDefault)
    {
        var literal = SyntaxFactory.Literal(fallback).Text;
        if (ScopeSearch.Find(model, at, "Microsoft.Extensions.Configuration.IConfiguration") is { } configuration)
            return $"{configuration}[\"{OllamaEndpointKey}\"] ?? {literal}";
        return $"Environment.GetEnvironmentVariable(\"{OllamaEndpointKey.Replace(":", "__", StringComparison.Ordinal)}\") ?? {literal}";
    }

    /// <summary>The provider named <paramref name="id"/>, or null.</summary>
    public static ChatProvider? Find(string id) => new[] { Anthropic, Ollama, OpenAi }.FirstOrDefault(p => p.Id == id);

    /// <summary>
    /// C# for an <c>IChatClient</c> of this provider. <paramref name="key"/> null means the provider's
    /// own default (its environment variable); <paramref name="timeout"/> is a <c>TimeSpan</c> expression or null.
    /// </summary>
    public string Create(string model, string? key, string? timeout, string endpoint) => Id switch
    {
        "anthropic" => (key, timeout) switch
        {
            (null, null) => $"new AnthropicClient().AsIChatClient({model})",
            _ => $"new AnthropicClient {{ {string.Join(", ", new[] { key is null ? null : $"ApiKey = {key}", timeout is null ? null : $"Timeout = {timeout}" }.Where(p => p is not null))} }}.AsIChatClient({model})",
        },
        "ollama" => $"new OllamaApiClient(new Uri({endpoint}), {model})",
        _ => $"new OpenAI.Chat.ChatClient({model}, {key ?? $"Environment.GetEnvironmentVariable(\"{KeyEnvironmentVariable}\")!"}).AsIChatClient()",
    };

    /// <summary>The HTTP status of a caught <see cref="ExceptionType"/> <paramref name="exception"/>, as an <c>int</c>.</summary>
    public string Status(string exception) => Id switch
    {
        "anthropic" => $"(int){exception}.StatusCode",
        "ollama" => $"(int)({exception}.StatusCode ?? 0)",
        _ => $"{exception}.Status",
    };
}
