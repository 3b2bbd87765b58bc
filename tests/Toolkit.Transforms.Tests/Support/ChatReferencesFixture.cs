using Toolkit.Testing;
using Toolkit.Transforms.Semantics;

namespace Toolkit.Transforms.Tests.Support;

/// <summary>
/// The references of <c>Fixtures/ChatApp</c> (OpenAI, Azure.AI.OpenAI, Anthropic, Microsoft.Extensions.AI,
/// OllamaSharp), resolved once with <c>dotnet restore</c>: the chat fixtures bind before and after the port.
/// </summary>
public sealed class ChatReferencesFixture : IAsyncLifetime
{
    /// <summary>The resolved references.</summary>
    public AppReferences References { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        using var app = new TempDirectory("chat-app-refs");
        app.Write("ChatApp.csproj", File.ReadAllText(RecipeFixture.Folder(Path.Combine("ChatApp", "ChatApp.csproj"))));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        References = await AppReferenceResolver.ResolveAsync(app.Path, timeout.Token);
    }

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Shares one <see cref="ChatReferencesFixture"/> between the chat fixture classes.</summary>
[CollectionDefinition(Name)]
public sealed class ChatReferencesCollection : ICollectionFixture<ChatReferencesFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "chat references";
}
