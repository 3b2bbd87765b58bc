using Toolkit.Testing;
using Toolkit.Transforms.Semantics;
using Toolkit.Transforms.Swaps;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>
/// Chat code bound up with what lies outside the app: helpers and settings of a referenced project of the
/// same repository (compiled beside the app, never edited), the refusal and structured outputs, and the
/// API key the new client is handed. Before/after fixtures with a second run, and the real build.
/// </summary>
[Collection(ChatReferencesCollection.Name)]
public sealed class ReferencedProjectSpecs(ChatReferencesFixture chat)
{
    // The fixtures' shared project, as the resolver would list it for an app in ../App next to ../Common.
    private AppReferences WithCommon()
    {
        var folder = Path.Combine(RecipeFixture.Folder("OpenAiChatToChatClient/referenced-helper"), "referenced");
        var files = Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => new KeyValuePair<string, string>($"../Common/{Path.GetFileName(f)}", File.ReadAllText(f))).ToList();
        return chat.References with { Projects = [new ReferencedProject("../Common/Common.csproj", "Common", files, ["System", "System.Collections.Generic", "System.Linq"], [])] };
    }

    public static TheoryData<string> OwnFixtures => new() { "structured-refusal", "shared-root-key", "handed-root", "handed-root-kept" };

    [Theory(Timeout = 60_000)]
    [InlineData("referenced-helper")]
    [InlineData("referenced-helper-blocked")]
    public Task I_can_port_calls_to_a_referenced_projects_helper_when_it_only_joins_the_reply_text(string fixture) => Task.Run(() =>
        RecipeFixture.Verify(ChatClientRewriterSpecs.Port(), $"OpenAiChatToChatClient/{fixture}", WithCommon()));

    // The streaming-bridge fixture with its outside code compiled beside the app, as the resolver loads a referenced
    // project of the same repository: the call binds to source in another assembly and must still be bridged, not made
    // a manual step by the referenced-helper rule (the merge regression seen on joergjo/dotnet-openai-samples).
    [Fact(Timeout = 60_000)]
    public Task I_can_bridge_streamed_updates_to_a_referenced_project_compiled_beside_the_app() => Task.Run(() =>
    {
        var folder = Path.Combine(RecipeFixture.Folder("OpenAiChatToChatClient/streaming-bridge"), "outside");
        var files = Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => new KeyValuePair<string, string>($"../Terminal/{Path.GetFileName(f)}", File.ReadAllText(f))).ToList();
        var references = chat.References with { Projects = [new ReferencedProject("../Terminal/Terminal.csproj", "Terminal", files, ["System", "System.Collections.Generic", "System.Linq"], [])] };
        RecipeFixture.Verify(ChatClientRewriterSpecs.Port("anthropic", "azure-openai"), "OpenAiChatToChatClient/streaming-bridge", references);
    });

    // Settings of a referenced project read the key and the model from environment variables, with an OpenAI model as the
    // default (CogniChain's pattern): the project is not edited, so the plan names each variable and the default, file:line.
    [Fact(Timeout = 60_000)]
    public Task I_can_rely_on_the_plan_to_name_the_variables_a_referenced_projects_settings_read() => Task.Run(() =>
    {
        var folder = Path.Combine(RecipeFixture.Folder("OpenAiChatToChatClient/settings-referenced"), "referenced");
        var files = Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => new KeyValuePair<string, string>($"../Common/{Path.GetFileName(f)}", File.ReadAllText(f))).ToList();
        var references = chat.References with { Projects = [new ReferencedProject("../Common/Common.csproj", "Common", files, ["System", "System.Collections.Generic", "System.Linq"], [])] };
        RecipeFixture.Verify(ChatClientRewriterSpecs.Port(), "OpenAiChatToChatClient/settings-referenced", references);
    });

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(OwnFixtures))]
    public Task I_can_port_refusals_schemas_and_keys_with_notes_saying_what_changed(string fixture) => Task.Run(() =>
        RecipeFixture.Verify(ChatClientRewriterSpecs.Port(), $"OpenAiChatToChatClient/{fixture}", chat.References));

    /// <summary>The ported fixtures and the shared project's code, built with the real <c>dotnet build</c> (warnings as errors).</summary>
    [Fact(Timeout = 300_000)]
    public async Task I_can_build_the_ported_fixtures_with_the_referenced_code()
    {
        using var app = new TempDirectory("chat-app-referenced");
        app.Write("ChatApp.csproj", File.ReadAllText(RecipeFixture.Folder(Path.Combine("ChatApp", "ChatApp.csproj"))));
        app.Write("Program.cs", "System.Console.WriteLine();\n");
        foreach (var fixture in new[] { "referenced-helper", "referenced-helper-blocked", "structured-refusal", "shared-root-key", "handed-root", "handed-root-kept" })
        {
            var folder = RecipeFixture.Folder(Path.Combine("OpenAiChatToChatClient", fixture));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "before"), "*.cs"))
            {
                var after = Path.Combine(folder, "after", Path.GetFileName(file));
                app.Write($"{fixture}/{Path.GetFileName(file)}", File.ReadAllText(File.Exists(after) ? after : file));
            }
        }
        foreach (var file in Directory.EnumerateFiles(RecipeFixture.Folder("OpenAiChatToChatClient/referenced-helper/referenced"), "*.cs"))
            app.Write($"Common/{Path.GetFileName(file)}", File.ReadAllText(file));

        var build = await ExampleApp.BuildAsync(app.Path);

        Assert.True(build.Succeeded, build.StandardOutput + build.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_see_referenced_projects_outside_the_app_in_build_order_with_their_own_files()
    {
        await Task.Yield();
        using var repo = new TempDirectory("referenced-projects");
        repo.Write("App/App.csproj", Project("../Common/Common.csproj", "Inner/Inner.csproj"));
        repo.Write("App/Program.cs", "");
        repo.Write("App/Inner/Inner.csproj", Project());
        repo.Write("Common/Common.csproj", Project("../Core/Core.csproj"));
        repo.Write("Common/Text.cs", "// common");
        repo.Write("Common/Nested/More.cs", "// nested");
        repo.Write("Common/obj/Generated.cs", "// build output");
        repo.Write("Common/Tool/Tool.csproj", Project());
        repo.Write("Common/Tool/Tool.cs", "// another project's");
        repo.Write("Core/Core.csproj", Project());
        repo.Write("Core/Core.cs", "// core");

        var projects = ReferencedProject.Load(repo.Combine("App"), repo.Combine("App", "App.csproj"));

        Assert.Equal(["../Core/Core.csproj", "../Common/Common.csproj"], projects.Select(p => p.ProjectPath));
        Assert.Equal(["../Common/Nested/More.cs", "../Common/Text.cs"], projects[1].Files.Select(f => f.Key));
        Assert.Equal([0], projects[1].References);
        Assert.Equal("Common", projects[1].AssemblyName);
    }

    /// <summary>
    /// The whole swap on a repository laid out as real ones are: the app references ../Common, whose helper
    /// takes the OpenAI parts. The helper's code binds (no "resolved only in part"), the call is ported, and
    /// nothing outside the app is edited.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task I_can_swap_an_app_whose_helper_lives_in_a_referenced_project()
    {
        using var repo = new TempDirectory("referenced-swap");
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        repo.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\Common\Common.csproj" /></ItemGroup>
            </Project>
            """);
        repo.Write("App/Program.cs", """
            using Common.Replies;
            using OpenAI.Chat;

            var client = new ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
            var result = await client.CompleteChatAsync(new UserChatMessage("Hello there!"));
            Console.WriteLine(result.Value.Content.AllText());
            """);
        repo.Write("Common/Common.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><PackageReference Include="OpenAI" Version="2.15.0" /></ItemGroup>
            </Project>
            """);
        foreach (var file in Directory.EnumerateFiles(RecipeFixture.Folder("OpenAiChatToChatClient/referenced-helper/referenced"), "*.cs"))
            repo.Write($"Common/{Path.GetFileName(file)}", File.ReadAllText(file));

        var result = await Task.Run(() => new OpenAiToAnthropicSwap().Plan(new SwapContext(repo.Combine("App"))));

        Assert.Equal(["App.csproj", "Program.cs"], result.Edits.Select(e => e.RelativePath));
        Assert.Contains("Console.WriteLine(result.Text);", result.Edits[1].After, StringComparison.Ordinal);
        Assert.Contains("new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable(\"ANTHROPIC_API_KEY\") }.AsIChatClient(\"claude-haiku-4-5\")", result.Edits[1].After, StringComparison.Ordinal);
        Assert.DoesNotContain(result.ManualSteps, s => s.Reason.Contains("resolved only in part", StringComparison.Ordinal));
        Assert.Contains(result.ManualSteps, s => s.RelativePath == "Program.cs" && s.Line == 6 && s.Reason.Contains("../Common/ReplyText.cs:10, in the referenced project Common", StringComparison.Ordinal));
    }

    private static string Project(params string[] references) =>
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup>\n"
        + string.Concat(references.Select(r => $"    <ProjectReference Include=\"{r}\" />\n")) + "  </ItemGroup>\n</Project>\n";
}
