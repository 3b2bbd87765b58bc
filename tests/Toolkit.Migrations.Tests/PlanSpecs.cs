using Toolkit.Migrations.Planning;
using Toolkit.Migrations.Tests.Support;

namespace Toolkit.Migrations.Tests;

/// <summary>The plan: deterministic, content-addressed, complete, and free of secrets.</summary>
public class PlanSpecs
{
    private const string Secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

    [Fact(Timeout = 180_000)]
    public async Task I_can_plan_the_same_input_twice_and_get_the_same_plan_with_secrets_masked()
    {
        static void AddSecret(TempRepository r)
        {
            var settings = r.Directory.Combine("app", "appsettings.json");
            File.WriteAllText(settings, File.ReadAllText(settings)
                .Replace("\"SecretAccessKey\": \"\"", $"\"SecretAccessKey\": \"{Secret}\"").Replace("Password=;", $"Password={Secret};"));
        }
        using var first = await SaasAppRepository.CreateAsync(AddSecret);
        using var second = await SaasAppRepository.CreateAsync(AddSecret);
        Assert.Contains(Secret, await File.ReadAllTextAsync(first.Directory.Combine("app", "appsettings.json")));

        var a = (await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--swap", "database:neon=supabase", "--path", SaasAppRepository.App(first))).StandardOutput;
        var again = (await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--swap", "database:neon=supabase", "--path", SaasAppRepository.App(first))).StandardOutput;
        var b = (await ToolkitRun.OkAsync("migrate", "plan", "--swap", "storage:s3=r2", "--swap", "database:neon=supabase", "--path", SaasAppRepository.App(second))).StandardOutput;

        Assert.Equal(a, again);
        Assert.Equal(a.Replace(first.Path, second.Path), b); // same content, same id, wherever the clone lives
        Assert.DoesNotContain(Secret, a);
        Assert.Contains("\\\"SecretAccessKey\\\": \\\"***\\\"", a); // a context line of the appsettings.json diff
        Assert.Contains("Password=***;", a);

        var planFile = first.Directory.Combine("..", Path.GetFileName(first.Path) + ".plan.json");
        try
        {
            await File.WriteAllTextAsync(planFile, a);
            var plan = PlanJson.Read(planFile);
            Assert.Equal(PlanJson.ComputeId(plan), plan.Id);
            Assert.Equal(MigrationType.FullStack, plan.MigrationType);
            Assert.Equal(["database", "storage"], plan.AffectedCategories);
            Assert.Equal("s3", plan.SourceConfiguration["storage"]);
            Assert.Equal("r2", plan.TargetConfiguration["storage"]);
            Assert.All(plan.FileChanges, c => Assert.Equal(64, c.BeforeHash!.Length));
            Assert.Contains(plan.ManualSteps, m => m.Path == "Services/DocumentStore.cs" && m.Line > 0 && m.Reason.Contains("ACL"));
            Assert.InRange(plan.Complexity, 1, 10);
            Assert.Equal(RollbackAction.RestoreFiles, plan.RollbackPlan.Steps[0].Action);
            Assert.Contains(plan.RollbackPlan.Steps, s => s.Action == RollbackAction.RevertConfig && s.Verification.Contains("technologies.storage = s3"));
            var diff = (await ToolkitRun.OkAsync("migrate", "diff", planFile)).StandardOutput;
            Assert.DoesNotContain(Secret, diff);
            Assert.Contains("# manual: Services/DocumentStore.cs:", diff);
        }
        finally { File.Delete(planFile); }
    }

    /// <summary>
    /// <c>migrate plan --swap ai:ollama=openai</c> from the command line on an app whose IChatClient is built on OllamaSharp
    /// (the Transforms fixture <c>Recipes/Ai.OllamaToOpenAi</c>): the swap is listed in --help, the plan moves the client,
    /// the package and the Ollama section, and says where the key now comes from.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task I_can_plan_the_ollama_to_openai_swap_from_the_command_line()
    {
        var help = (await ToolkitRun.OkAsync("migrate", "plan", "--help")).StandardOutput;
        Assert.Contains("ai:ollama=openai", help);
        Assert.Contains("ai:ollama=anthropic", help);

        using var repo = await TempRepository.CreateAsync();
        var fixture = Toolkit.Testing.RepositoryRoot.Combine("tests", "Toolkit.Transforms.Tests", "Fixtures", "Recipes", "Ai.OllamaToOpenAi", "before");
        foreach (var file in Directory.EnumerateFiles(fixture))
            repo.Write(Path.Combine("app", Path.GetFileName(file)), File.ReadAllText(file));
        await repo.CommitAllAsync();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".ollama.plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "ai:ollama=openai", "--path", repo.Directory.Combine("app"), "--out", planFile);

            var plan = PlanJson.Read(planFile);
            Assert.Equal("ollama", plan.SourceConfiguration["ai"]);
            Assert.Equal("openai", plan.TargetConfiguration["ai"]);
            Assert.Equal(["LocalChat.csproj", "Program.cs", "appsettings.json"], plan.FileChanges.Select(c => c.Path).Order(StringComparer.Ordinal));
            Assert.Contains("new OpenAI.Chat.ChatClient(", plan.FileChanges.Single(c => c.Path == "Program.cs").Diff);
            Assert.Contains(plan.ManualSteps, m => m.Path == "Program.cs" && m.Line == 6 && m.Reason.Contains("OPENAI_API_KEY"));
        }
        finally { File.Delete(planFile); }
    }
}
