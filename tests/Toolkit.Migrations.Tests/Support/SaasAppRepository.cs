using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests.Support;

/// <summary>
/// A temp git repository holding a copy of examples/saas-app under <c>app/</c> with a toolkit.yaml, a
/// .gitignore for build output, a file outside the app, all committed. The app's restore output
/// (<c>obj/project.assets.json</c>, ignored by git) is copied from one restore per test run, so swaps
/// resolve references without restoring again.
/// </summary>
public static class SaasAppRepository
{
    public const string ToolkitYaml = """
        version: 1
        # technologies the app runs on
        technologies:
          compute: aws-ecs
          edge: cloudflare
          storage: s3   # documents bucket, keep this comment
          database: neon
          ai: openai

        """;

    private static readonly Lazy<Task<string>> RestoredAssets = new(RestoreOnceAsync);

    public static string Source => RepositoryRoot.Combine("examples", "saas-app");

    /// <summary>Creates the repository; <paramref name="customize"/> may add files to the app before the commit.</summary>
    public static async Task<TempRepository> CreateAsync(Action<TempRepository>? customize = null)
    {
        var repo = await TempRepository.CreateAsync();
        CopyApp(repo.Directory, "app");
        repo.Write("app/toolkit.yaml", ToolkitYaml);
        repo.Write(".gitignore", "bin/\nobj/\n");
        repo.Write("README.md", "outside the app\n");
        customize?.Invoke(repo);
        await repo.CommitAllAsync();
        var assets = repo.Directory.Combine("app", "obj", "project.assets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(assets)!);
        File.Copy(await RestoredAssets.Value, assets);
        File.SetLastWriteTimeUtc(assets, DateTime.UtcNow.AddMinutes(1));
        return repo;
    }

    public static string App(TempRepository repo) => repo.Directory.Combine("app");

    private static void CopyApp(TempDirectory target, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj")) continue;
            var destination = target.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static async Task<string> RestoreOnceAsync()
    {
        var template = new TempDirectory("saas-app-restore");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose(); // shared by every test of the run
        CopyApp(template, "app");
        var result = await ProcessRunner.RunAsync(ProcessSpec.For("dotnet").WithArguments("restore", "--nologo", "-v", "quiet")
            .WithWorkingDirectory(template.Combine("app")).WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1").WithTimeout(TimeSpan.FromMinutes(4)));
        if (!result.Succeeded) throw new InvalidOperationException("dotnet restore of the example app failed: " + result.StandardOutput + result.StandardError);
        return template.Combine("app", "obj", "project.assets.json");
    }
}
