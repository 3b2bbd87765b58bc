using Toolkit.Core.Processes;
using Toolkit.Migrations.Applying;
using Toolkit.Migrations.Planning;
using Toolkit.Testing;
using Toolkit.Transforms.Swaps;
using Toolkit.Transforms.Tests.Behaviour.StandIns;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests.Behaviour;

/// <summary>What one run of the app in one mode printed and sent.</summary>
/// <param name="Output">Its standard output (the answer a user sees).</param>
/// <param name="Chats">Chat requests received by the OpenAI and Anthropic stand-ins, normalized, with the API each reached.</param>
/// <param name="Objects">Object requests received by the S3 and R2 stand-ins, with the one each reached.</param>
/// <param name="Raw">Every request body as received (for failure messages).</param>
public sealed record ModeRun(string Output, IReadOnlyList<(string Api, ChatRequest Request)> Chats, IReadOnlyList<(string Api, ObjectRequest Request)> Objects, string Raw);

/// <summary>
/// The behaviour-kept check of <c>ai:openai=anthropic</c> with <c>storage:s3=r2</c>, run once for the specs that read
/// it: the fixture app <c>Fixtures/BehaviourApp</c> in its own git repository is built (real <c>dotnet build</c>) and
/// run in every mode against loopback stand-ins of OpenAI, Anthropic, S3 and R2; the swaps are planned and applied by
/// the migration engine the CLI uses (<see cref="MigrationPlanner"/>, <see cref="MigrationApplier"/>); the app is
/// built and run again. Two builds in all, whatever the number of modes.
/// </summary>
public sealed class BehaviourRun : IAsyncLifetime
{
    /// <summary>The swaps applied, in one plan.</summary>
    public static readonly string[] Swaps = ["ai:openai=anthropic", "storage:s3=r2"];

    /// <summary>Each mode's command line (the app's arguments).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Modes = new Dictionary<string, string[]>
    {
        ["chat"] = ["chat", "What is the capital of France?"],
        ["stream"] = ["stream", "What is the capital of France?"],
        ["tools"] = ["tools", "What is the weather in Paris?"],
        ["loop"] = ["loop", "What is the weather in Paris?"],
        ["s3"] = ["s3", "notes/2026/hello.txt", "Hello from the app, héllo wörld."],
    };

    private readonly TempDirectory _app = new("behaviour-app");
    private readonly TempDirectory _trust = new("behaviour-trust");
    private LoopbackCertificate? _certificate;
    private StandInServer? _openAi, _anthropic;
    private S3StandIn? _s3, _r2;

    /// <summary>Runs before the swap, by mode.</summary>
    public Dictionary<string, ModeRun> Before { get; } = [];

    /// <summary>Runs after the swap, by mode.</summary>
    public Dictionary<string, ModeRun> After { get; } = [];

    /// <summary>The plan that was applied.</summary>
    public MigrationPlan Plan { get; private set; } = null!;

    /// <summary>A plan of the same swaps made after applying (must change nothing).</summary>
    public MigrationPlan SecondPlan { get; private set; } = null!;

    /// <summary>What the swap did to each file, for assertion messages.</summary>
    public string Diff => string.Join("\n", Plan.FileChanges.Select(c => c.Diff));

    /// <summary>Full path of a file of the app.</summary>
    public string PathOf(string relative) => _app.Combine(relative);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var source = RecipeFixture.Folder("BehaviourApp");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/") && !f.Contains("/obj/")))
            _app.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        // Outside this repository's build settings; bin/obj untracked, as in any app.
        _app.Write("Directory.Build.props", "<Project />\n");
        _app.Write(".gitignore", "bin/\nobj/\n");
        await Git("init", "-q", "-b", "main");
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "the app before the swap");

        _openAi = await OpenAiStandIn.StartAsync();
        _anthropic = await AnthropicStandIn.StartAsync();
        _certificate = LoopbackCertificate.Create(_trust.Path);
        _s3 = await S3StandIn.StartAsync(_certificate);
        _r2 = await S3StandIn.StartAsync(_certificate);

        await BuildAsync("before the swap");
        foreach (var (mode, args) in Modes) Before[mode] = await RunAsync(args, _s3);

        var planner = new MigrationPlanner(SwapCatalog.All);
        Plan = (await planner.PlanAsync(_app.Path, Swaps)).Plan;
        var outcome = await new MigrationApplier(planner).ApplyAsync(Plan, new ApplyOptions(Validate: false));
        if (!outcome.Applied) throw new InvalidOperationException($"apply failed:\n{Diff}");
        SecondPlan = (await planner.PlanAsync(_app.Path, Swaps)).Plan;

        await BuildAsync("after the swap:\n" + Diff);
        // R2's endpoint goes where the swap said to put it (AWS_ENDPOINT_URL_S3, no IConfiguration in scope).
        foreach (var (mode, args) in Modes) After[mode] = await RunAsync(args, _r2);
    }

    private async Task<ModeRun> RunAsync(string[] args, S3StandIn storage)
    {
        foreach (var server in new[] { _openAi!, _anthropic!, _s3!.Server, _r2!.Server }) server.Clear();
        var spec = ProcessSpec.For("dotnet").WithArguments([_app.Combine("bin", "Debug", "net10.0", "BehaviourApp.dll"), .. args])
            .WithWorkingDirectory(_app.Path).WithTimeout(TimeSpan.FromMinutes(2))
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
            .WithEnvironment("OPENAI_API_KEY", "sk-standin-openai")
            .WithEnvironment("OPENAI_BASE_URL", _openAi!.Url + "/v1")
            .WithEnvironment("ANTHROPIC_API_KEY", "sk-ant-standin")
            .WithEnvironment("ANTHROPIC_BASE_URL", _anthropic!.Url)
            .WithEnvironment("AWS_ACCESS_KEY_ID", "AKIDSTANDIN")
            .WithEnvironment("AWS_SECRET_ACCESS_KEY", "standin-secret")
            .WithEnvironment("AWS_ENDPOINT_URL_S3", storage.Server.Url)
            .WithEnvironment("SSL_CERT_FILE", _certificate!.PemPath);
        var result = await ProcessRunner.RunAsync(spec);
        if (!result.Succeeded)
            throw new InvalidOperationException($"behaviour-app {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}\n{Diff}");
        return new ModeRun(result.StandardOutput.ReplaceLineEndings("\n"),
            [.. OpenAiStandIn.Chats(_openAi).Select(c => ("openai", c)), .. AnthropicStandIn.Chats(_anthropic).Select(c => ("anthropic", c))],
            [.. _s3.Requests.Select(r => ("s3", r)), .. _r2.Requests.Select(r => ("r2", r))],
            string.Join("\n", new[] { _openAi, _anthropic }.SelectMany(s => s.Requests).Select(r => $"{r.Method} {r.Path} {System.Text.Encoding.UTF8.GetString(r.Body)}")));
    }

    // Build servers off: nothing may outlive the test.
    private async Task BuildAsync(string when)
    {
        var build = await ProcessRunner.RunAsync(ProcessSpec.For("dotnet")
            .WithArguments("build", "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-p:TreatWarningsAsErrors=true", "--disable-build-servers")
            .WithWorkingDirectory(_app.Path).WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1").WithTimeout(TimeSpan.FromMinutes(5)));
        if (!build.Succeeded) throw new InvalidOperationException($"dotnet build {when} failed:\n{build.StandardOutput}\n{build.StandardError}");
    }

    private async Task Git(params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For("git").WithArguments(["-c", "user.email=behaviour@toolkit.test", "-c", "user.name=behaviour", .. args])
            .WithWorkingDirectory(_app.Path).WithTimeout(TimeSpan.FromMinutes(1)));
        if (!result.Succeeded) throw new InvalidOperationException($"git {string.Join(' ', args)}: {result.StandardError}");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _openAi, _anthropic, _s3?.Server, _r2?.Server })
            if (server is not null) await server.DisposeAsync();
        _certificate?.Dispose();
        _trust.Dispose();
        _app.Dispose();
    }
}

/// <summary>The specs sharing one <see cref="BehaviourRun"/>; they run alone (each build takes both cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BehaviourCollection : ICollectionFixture<BehaviourRun>
{
    /// <summary>Collection name.</summary>
    public const string Name = "behaviour-app";
}
