using Toolkit.Transforms.Semantics;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// Which files a provider's rewriters bind: a large app mentions its provider in comments and log strings far more
/// often than its code uses the SDK (shakeraa/cena: 19 files say "Anthropic", 4 use it), and binding a file costs more
/// than parsing it.
/// </summary>
public sealed class SourceSetNamingSpecs
{
    private static readonly Dictionary<string, string> App = new()
    {
        ["Comment.cs"] = "// Calls Anthropic through the gateway.\nclass Hints { string Why = \"Anthropic was down\"; }\n",
        ["Client.cs"] = "using Anthropic;\nclass Gateway { AnthropicClient? Client; }\n",
        ["Router.cs"] = "class Router { Gateway? AnthropicGateway; }\n",
        ["Other.cs"] = "class Other { }\n",
    };

    /// <summary>A file whose only mention of the provider is in a comment or a string is not one of them.</summary>
    [Fact(Timeout = 30_000)]
    public async Task I_get_only_the_files_whose_code_names_the_provider()
    {
        await Task.Yield();
        var sources = new SourceSet(App);
        Assert.Equal(["Client.cs", "Router.cs"], sources.CSharpFilesNaming("Anthropic"));
    }

    /// <summary>With a global using of the provider's namespace, code anywhere can use it without naming it.</summary>
    [Fact(Timeout = 30_000)]
    public async Task I_get_every_file_when_a_global_using_imports_the_provider()
    {
        await Task.Yield();
        var inFile = new SourceSet(new Dictionary<string, string>(App) { ["Usings.cs"] = "global using Anthropic.Models;\n" });
        Assert.Equal(5, inFile.CSharpFilesNaming("Anthropic").Count);
        var implicitUsing = new SourceSet(App, new AppReferences([], ["System", "Anthropic"]));
        Assert.Equal(4, implicitUsing.CSharpFilesNaming("Anthropic").Count);
        var qualified = new SourceSet(new Dictionary<string, string>(App) { ["Usings.cs"] = "global using global::Anthropic;\n" });
        Assert.Equal(5, qualified.CSharpFilesNaming("Anthropic").Count);
    }

    /// <summary>A namespace that only starts with the same letters (AnthropicTools) is not the provider's.</summary>
    [Fact(Timeout = 30_000)]
    public async Task I_do_not_get_every_file_for_a_global_using_of_another_namespace()
    {
        await Task.Yield();
        var sources = new SourceSet(new Dictionary<string, string>(App) { ["Usings.cs"] = "global using AnthropicTools;\n" });
        Assert.Equal(["Client.cs", "Router.cs", "Usings.cs"], sources.CSharpFilesNaming("Anthropic"));
    }
}
