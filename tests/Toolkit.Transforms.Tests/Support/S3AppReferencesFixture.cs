using Toolkit.Testing;
using Toolkit.Transforms.Semantics;

namespace Toolkit.Transforms.Tests.Support;

/// <summary>
/// References of a web app using AWSSDK.S3 with the AWS dependency-injection helpers
/// (AWSSDK.Extensions.NETCore.Setup: <c>AddAWSService</c>, <c>GetAWSOptions</c>), resolved once with the
/// real <c>dotnet restore</c>, so S3 fixtures bind the way a real app's code does.
/// </summary>
public sealed class S3AppReferencesFixture : IAsyncLifetime
{
    /// <summary>The project file: the packages real S3 apps reference, at versions served here.</summary>
    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <NoWarn>$(NoWarn);NU1603</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="AWSSDK.S3" Version="4.0.102.5" />
            <PackageReference Include="AWSSDK.Extensions.NETCore.Setup" Version="4.0.102.5" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>The resolved references.</summary>
    public AppReferences References { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        using var app = new TempDirectory("s3-app-refs");
        app.Write("S3App.csproj", Project);
        app.Write("Directory.Build.props", "<Project />\n");
        app.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        References = await AppReferenceResolver.ResolveAsync(app.Path, timeout.Token);
    }

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;
}
