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
}
