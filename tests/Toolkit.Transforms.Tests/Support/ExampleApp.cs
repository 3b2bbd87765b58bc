using Toolkit.Core.Processes;
using Toolkit.Testing;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Transforms.Tests.Support;

/// <summary>The example SaaS app, copied to a temp folder so tests never write into the repository.</summary>
public static class ExampleApp
{
    /// <summary><c>examples/saas-app</c> in this repository.</summary>
    public static string Source => RepositoryRoot.Combine("examples", "saas-app");

    /// <summary>Copies the app (without bin/obj) into <paramref name="target"/>.</summary>
    public static void CopyTo(TempDirectory target)
    {
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj")) continue;
            target.Write(relative, File.ReadAllText(file));
        }
    }

    /// <summary>Writes a swap's edits into <paramref name="appRoot"/> (the engine's job in production).</summary>
    public static void Apply(SwapResult result, string appRoot)
    {
        foreach (var edit in result.Edits)
        {
            var path = Path.Combine(appRoot, edit.RelativePath);
            if (edit.After is null) File.Delete(path);
            else File.WriteAllText(path, edit.After);
        }
    }

    /// <summary>Runs the real <c>dotnet build</c>; returns the result for the assertion message.</summary>
    public static Task<ProcessResult> BuildAsync(string appRoot) =>
        ProcessRunner.RunAsync(ProcessSpec.For("dotnet")
            .WithArguments("build", "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-p:TreatWarningsAsErrors=true")
            .WithWorkingDirectory(appRoot)
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
            .WithTimeout(TimeSpan.FromMinutes(4)));
}
