using Toolkit.Core.Processes;
using Toolkit.Migrations.Applying;
using Toolkit.Migrations.Planning;
using Toolkit.Testing;
using Toolkit.Transforms.Swaps;
using Toolkit.Transforms.Tests.Behaviour.StandIns;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests.Behaviour;

/// <summary>
/// The behaviour-kept check of <c>ai:anthropic=openai</c> on code that calls the Anthropic SDK directly: the fixture
/// app <c>Fixtures/AnthropicBehaviourApp</c> in its own git repository is built (real <c>dotnet build</c>) and run in
/// every mode against the loopback Anthropic stand-in; the swap is planned and applied by the migration engine the
/// CLI uses; the app is built again and run against the loopback OpenAI stand-in.
/// </summary>
public sealed class AnthropicBehaviourRun : IAsyncLifetime
{
    /// <summary>The swap applied.</summary>
    public const string Swap = "ai:anthropic=openai";

    /// <summary>Each mode's command line (the app's arguments).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Modes = new Dictionary<string, string[]>
    {
        ["chat"] = ["chat", "What is the capital of France?"],
        ["stream"] = ["stream", "What is the capital of France?"],
    };

    private readonly TempDirectory _app = new("anthropic-behaviour-app");
    private StandInServer? _openAi, _anthropic;

    /// <summary>Runs before the swap, by mode.</summary>
    public Dictionary<string, ModeRun> Before { get; } = [];

    /// <summary>Runs after the swap, by mode.</summary>
    public Dictionary<string, ModeRun> After { get; } = [];

    /// <summary>The plan that was applied.</summary>
    public MigrationPlan Plan { get; private set; } = null!;

    /// <summary>A plan of the same swap made after applying (must change nothing).</summary>
    public MigrationPlan SecondPlan { get; private set; } = null!;

    /// <summary>What the swap did to each file, for assertion messages.</summary>
    public string Diff => string.Join("\n", Plan.FileChanges.Select(c => c.Diff));

    /// <summary>Full path of a file of the app.</summary>
    public string PathOf(string relative) => _app.Combine(relative);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var source = RecipeFixture.Folder("AnthropicBehaviourApp");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/") && !f.Contains("/obj/")))
            _app.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        _app.Write("Directory.Build.props", "<Project />\n"); // outside this repository's build settings
        _app.Write(".gitignore", "bin/\nobj/\n");
        await RunAsync("git", "init", "-q", "-b", "main");
        await RunAsync("git", "add", "-A");
        await RunAsync("git", "-c", "user.email=behaviour@toolkit.test", "-c", "user.name=behaviour", "commit", "-q", "-m", "the app before the swap");

        _openAi = await OpenAiStandIn.StartAsync();
        _anthropic = await AnthropicStandIn.StartAsync();
        await RunAsync("dotnet", "build", "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-p:TreatWarningsAsErrors=true", "--disable-build-servers");
        foreach (var (mode, args) in Modes) Before[mode] = await RunModeAsync(args);

        var planner = new MigrationPlanner(SwapCatalog.All);
        Plan = (await planner.PlanAsync(_app.Path, [Swap])).Plan;
        var outcome = await new MigrationApplier(planner).ApplyAsync(Plan, new ApplyOptions(Validate: false));
        if (!outcome.Applied) throw new InvalidOperationException($"apply failed:\n{Diff}");
        SecondPlan = (await planner.PlanAsync(_app.Path, [Swap])).Plan;

        await RunAsync("dotnet", "build", "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-p:TreatWarningsAsErrors=true", "--disable-build-servers");
        foreach (var (mode, args) in Modes) After[mode] = await RunModeAsync(args);
    }

    private async Task<ModeRun> RunModeAsync(string[] args)
    {
        _openAi!.Clear();
        _anthropic!.Clear();
        var result = await ProcessRunner.RunAsync(ProcessSpec.For("dotnet").WithArguments([_app.Combine("bin", "Debug", "net10.0", "AnthropicBehaviourApp.dll"), .. args])
            .WithWorkingDirectory(_app.Path).WithTimeout(TimeSpan.FromMinutes(2))
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
            .WithEnvironment("OPENAI_API_KEY", "sk-standin-openai")
            .WithEnvironment("OPENAI_BASE_URL", _openAi.Url + "/v1")
            .WithEnvironment("ANTHROPIC_API_KEY", "sk-ant-standin")
            .WithEnvironment("ANTHROPIC_BASE_URL", _anthropic.Url));
        if (!result.Succeeded)
            throw new InvalidOperationException($"anthropic-behaviour-app {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}\n{(Plan is null ? "" : Diff)}");
        return new ModeRun(result.StandardOutput.ReplaceLineEndings("\n"),
            [.. OpenAiStandIn.Chats(_openAi).Select(c => ("openai", c)), .. AnthropicStandIn.Chats(_anthropic).Select(c => ("anthropic", c))], [],
            string.Join("\n", new[] { _openAi, _anthropic }.SelectMany(s => s.Requests).Select(r => $"{r.Method} {r.Path} {System.Text.Encoding.UTF8.GetString(r.Body)}")));
    }

    // Build servers off: nothing may outlive the test.
    private async Task RunAsync(string program, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For(program).WithArguments(args).WithWorkingDirectory(_app.Path)
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1").WithTimeout(TimeSpan.FromMinutes(5)));
        if (!result.Succeeded)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed:\n{result.StandardOutput}\n{result.StandardError}\n{(Plan is null ? "" : Diff)}");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _openAi, _anthropic })
            if (server is not null) await server.DisposeAsync();
        _app.Dispose();
    }
}

/// <summary>The specs sharing one <see cref="AnthropicBehaviourRun"/>; they run alone (each build takes both cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AnthropicBehaviourCollection : ICollectionFixture<AnthropicBehaviourRun>
{
    /// <summary>Collection name.</summary>
    public const string Name = "anthropic-behaviour-app";
}
