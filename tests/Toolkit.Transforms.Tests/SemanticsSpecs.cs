using Microsoft.CodeAnalysis;
using Toolkit.Testing;
using Toolkit.Transforms.Semantics;
using Toolkit.Transforms.Sources;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>The semantic model built from the app's own references, without MSBuildWorkspace.</summary>
[Collection(AppReferencesCollection.Name)]
public sealed class SemanticsSpecs(AppReferencesFixture app)
{
    [Fact(Timeout = 60_000)]
    public async Task I_can_compile_the_example_app_in_memory_with_the_references_restore_found()
    {
        await Task.Yield();
        Assert.Contains(app.References.AssemblyPaths, p => p.EndsWith("/OpenAI.dll", StringComparison.Ordinal) && p.Contains("/openai/2.15.0/", StringComparison.Ordinal));
        Assert.Contains(app.References.AssemblyPaths, p => p.EndsWith("/AWSSDK.S3.dll", StringComparison.Ordinal));
        Assert.Contains(app.References.AssemblyPaths, p => p.EndsWith("/Microsoft.AspNetCore.Http.Abstractions.dll", StringComparison.Ordinal));
        Assert.Contains("Microsoft.AspNetCore.Builder", app.References.ImplicitUsings);

        var sources = new SourceSet(SourceSet.LoadFiles(ExampleApp.Source), app.References);
        var model = sources.SemanticModel("Services/AssistantService.cs")!;

        var errors = model.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>
    /// Central package versions and NuGet.config at the repository root, above the app, are found as
    /// MSBuild finds them; a package no source serves leaves the rest restored, and says so. Nothing is
    /// written in the app or beside the repository.
    /// </summary>
    [Fact(Timeout = 600_000)]
    public async Task I_can_resolve_an_app_whose_package_versions_live_at_the_repository_root_even_with_a_package_no_source_serves()
    {
        using var outer = new TempDirectory("central-versions");
        outer.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        outer.Write("repo/Directory.Packages.props", """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="OpenAI" Version="2.15.0" />
                <PackageVersion Include="Toolkit.NoSuchPackage.Anywhere" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        outer.Write("repo/src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="OpenAI" /></ItemGroup>
            </Project>
            """);
        var before = Directory.EnumerateFileSystemEntries(outer.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var central = await AppReferenceResolver.ResolveAsync(outer.Combine("repo/src/App"));

        Assert.Contains(central.AssemblyPaths, p => p.EndsWith("/OpenAI.dll", StringComparison.Ordinal) && p.Contains("/openai/2.15.0/", StringComparison.Ordinal));
        Assert.Empty(central.Missing);

        outer.Write("repo/src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenAI" />
                <PackageReference Include="Toolkit.NoSuchPackage.Anywhere" />
              </ItemGroup>
            </Project>
            """);

        var partial = await AppReferenceResolver.ResolveAsync(outer.Combine("repo/src/App"));

        Assert.Contains(partial.AssemblyPaths, p => p.EndsWith("/OpenAI.dll", StringComparison.Ordinal));
        Assert.Contains(partial.Missing, m => m == "the package Toolkit.NoSuchPackage.Anywhere 1.0.0 (no package source has it)");
        Assert.DoesNotContain(partial.Missing, m => m.Contains("toolkit-restore-", StringComparison.Ordinal) || m.Contains(outer.Path, StringComparison.Ordinal));
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(outer.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_read_the_project_facts_a_compilation_needs()
    {
        await Task.Yield();
        var project = AppProject.Find(ExampleApp.Source);

        Assert.Equal(("Microsoft.NET.Sdk.Web", "net10.0", true), (project.Sdk, project.TargetFramework, project.ImplicitUsingsEnabled));
        Assert.True(project.IsWeb);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_get_a_clear_error_for_a_folder_without_one_project()
    {
        await Task.Yield();
        using var empty = new TempDirectory("no-project");
        Assert.Contains("no .csproj found", Assert.Throws<InvalidDataException>(() => AppProject.Find(empty.Path)).Message);

        empty.Write("A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        empty.Write("B.csproj", "<Project><oops></Project>");
        Assert.Contains("several projects (A.csproj, B.csproj)", Assert.Throws<InvalidDataException>(() => AppProject.Find(empty.Path)).Message);
        Assert.Contains("B.csproj:1: not valid XML", Assert.Throws<InvalidDataException>(() => AppProject.Read(empty.Combine("B.csproj"))).Message);
    }
}
