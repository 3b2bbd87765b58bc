using Microsoft.CodeAnalysis;
using Toolkit.Testing;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Semantics;
using Toolkit.Transforms.Sources;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// Patterns met on public apps of the AI corpus (docs/migrations.md, "Corpus: real apps") that kept the
/// swap from reading the app or from building after it, each reproduced here without their code.
/// </summary>
public sealed class CorpusPatternSpecs
{
    /// <summary>TargetFramework and ImplicitUsings set once for the repository in Directory.Build.props.</summary>
    [Fact(Timeout = 30_000)]
    public async Task I_can_read_the_project_facts_that_directory_build_props_sets_for_every_project()
    {
        await Task.Yield();
        using var repo = new TempDirectory("build-props");
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        repo.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <PropertyGroup Condition="'$(CI)' == 'true'"><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup><Using Include="System.Text.Json" /></ItemGroup>
            </Project>
            """);
        repo.Write("examples/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
            </Project>
            """);
        repo.Write("examples/Own/Own.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net9.0;net10.0</TargetFrameworks><ImplicitUsings>disable</ImplicitUsings></PropertyGroup>
            </Project>
            """);

        var app = AppProject.Find(repo.Combine("examples/App"));
        var own = AppProject.Find(repo.Combine("examples/Own"));

        Assert.Equal("net10.0", app.TargetFramework);
        Assert.True(app.IsExecutable);
        Assert.Contains("System.Linq", app.ImplicitUsings);
        Assert.Contains("System.Text.Json", app.ImplicitUsings);
        Assert.Equal("net9.0", own.TargetFramework); // the project's own TargetFrameworks beats the props' TargetFramework
        Assert.DoesNotContain("System.Linq", own.ImplicitUsings);
    }

    /// <summary>
    /// An old package's netstandard1.x reference assemblies (System.Runtime 4.1.0, as ApplicationInsights
    /// brings it) lose to the framework's newer ones, as in the build: string and Task are defined once.
    /// </summary>
    [Fact(Timeout = 600_000)]
    public async Task I_can_compile_an_app_whose_packages_bring_old_copies_of_framework_assemblies()
    {
        using var folder = new TempDirectory("old-framework-copies");
        folder.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="System.Runtime" Version="4.1.0" /></ItemGroup>
            </Project>
            """);

        var references = await AppReferenceResolver.ResolveAsync(folder.Path);
        var sources = new SourceSet(new Dictionary<string, string>
        {
            ["Reply.cs"] = "public static class Reply { public static System.Threading.Tasks.Task<string> Text() => System.Threading.Tasks.Task.FromResult(\"ok\"); }",
        }, references);
        var errors = sources.SemanticModel("Reply.cs")!.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.Single(references.AssemblyPaths, p => Path.GetFileName(p) == "System.Runtime.dll");
        Assert.DoesNotContain(references.AssemblyPaths, p => p.Contains("netstandard1.", StringComparison.Ordinal) && Path.GetFileName(p) == "System.Runtime.dll");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>An exact pin below what the new package needs is raised (NuGet refuses the downgrade); ranges are left alone.</summary>
    [Fact(Timeout = 60_000)]
    public Task I_can_get_a_pinned_dependency_raised_to_what_the_new_package_needs() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangePackage.RecipeName,
            new Dictionary<string, string> { ["from"] = "OpenAI", ["to"] = "Anthropic", ["version"] = "13.14.0", ["keepWhileUsedBy"] = "OpenAI", ["addWhenUsedBy"] = "Anthropic" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["alongWith"] = new Dictionary<string, string> { ["Microsoft.Extensions.AI"] = "10.11.0" },
                ["atLeast"] = new Dictionary<string, string> { ["System.Text.Json"] = "10.0.13", ["Microsoft.Extensions.Logging.Abstractions"] = "10.0.13", ["System.Diagnostics.DiagnosticSource"] = "10.0.13" },
            }), "ChangePackage/floors", null));
    /// <summary>Central versions above the app (the repository root): the new references carry their version in VersionOverride (else NU1010).</summary>
    [Fact(Timeout = 60_000)]
    public Task I_can_swap_a_package_whose_central_version_lives_above_the_app() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangePackage.RecipeName,
            new Dictionary<string, string> { ["from"] = "OpenAI", ["to"] = "Anthropic", ["version"] = "13.14.0", ["keepWhileUsedBy"] = "OpenAI", ["addWhenUsedBy"] = "Anthropic" },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["alongWith"] = new Dictionary<string, string> { ["Microsoft.Extensions.AI"] = "10.11.0" } }),
            "ChangePackage/central-outside", null));
}
