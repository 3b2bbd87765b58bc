using Toolkit.Migrations.Tests.Support;

namespace Toolkit.Migrations.Tests;

/// <summary>An apply whose build fails puts everything back by itself and says why.</summary>
public class ValidationSpecs
{
    // A real team rule in the app's build: it must keep talking to Neon, so the database swap breaks the build.
    private const string PinNeon = """
        <Project>
          <Target Name="RequireNeon" BeforeTargets="CoreCompile">
            <Error Condition="!$([System.IO.File]::ReadAllText('$(MSBuildThisFileDirectory)appsettings.json').Contains('neon.tech'))"
                   Text="appsettings.json must point at Neon until the data copy is signed off" />
          </Target>
        </Project>

        """;

    [Fact(Timeout = 240_000)]
    public async Task I_can_see_a_failed_build_roll_the_apply_back_by_itself()
    {
        using var repo = await SaasAppRepository.CreateAsync(r => r.Write("app/Directory.Build.targets", PinNeon));
        var app = SaasAppRepository.App(repo);
        var before = repo.Snapshot();
        var gitBefore = await repo.GitStateAsync();
        var planFile = repo.Directory.Combine("..", Path.GetFileName(repo.Path) + ".plan.json");
        try
        {
            await ToolkitRun.OkAsync("migrate", "plan", "--swap", "database:neon=supabase", "--path", app, "--out", planFile);

            var result = await ToolkitRun.RunAsync("migrate", "apply", planFile);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("MIG046", result.StandardError);
            Assert.Contains("must point at Neon until the data copy is signed off", result.StandardError);
            Assert.Contains("rolled back", result.StandardError);
            Assert.Equal(before, repo.Snapshot());
            Assert.Equal(gitBefore, await repo.GitStateAsync());
            Assert.Contains("rolled-back", (await ToolkitRun.OkAsync("migrate", "status", "--path", app)).StandardOutput);
        }
        finally { File.Delete(planFile); }
    }
}
