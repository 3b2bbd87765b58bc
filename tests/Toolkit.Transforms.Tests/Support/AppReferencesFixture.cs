using Toolkit.Testing;
using Toolkit.Transforms.Semantics;

namespace Toolkit.Transforms.Tests.Support;

/// <summary>
/// The example app's real references (OpenAI, AWSSDK.S3, Npgsql, ASP.NET Core), resolved once with
/// <c>dotnet restore</c>, so fixtures bind symbols the way they would in a user's app.
/// </summary>
public sealed class AppReferencesFixture : IAsyncLifetime
{
    /// <summary>The resolved references.</summary>
    public AppReferences References { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        using var app = new TempDirectory("saas-app-refs");
        ExampleApp.CopyTo(app);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        References = await AppReferenceResolver.ResolveAsync(app.Path, timeout.Token);
    }

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Shares one <see cref="AppReferencesFixture"/> between the fixture test classes.</summary>
[CollectionDefinition(Name)]
public sealed class AppReferencesCollection : ICollectionFixture<AppReferencesFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "app references";
}
