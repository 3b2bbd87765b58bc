using Toolkit.Core.Processes;

namespace Toolkit.Testing;

/// <summary>
/// Runs the real built <c>toolkit</c> binary (the cli project's output, referenced by the test project)
/// as a separate process, the way users and CI run it.
/// </summary>
public static class ToolkitCli
{
    /// <summary>Path of <c>toolkit.dll</c> next to the test assembly.</summary>
    public static string DllPath { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "toolkit.dll");

    /// <summary>Runs <c>toolkit ARGS</c> in <paramref name="workingDirectory"/> (default: a temp-free current directory).</summary>
    public static Task<ProcessResult> RunAsync(string? workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, null, args);

    /// <summary>Runs <c>toolkit ARGS</c> with extra environment variables.</summary>
    public static Task<ProcessResult> RunAsync(string? workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var spec = ProcessSpec.For("dotnet").WithArguments([DllPath, .. args]).WithTimeout(TimeSpan.FromMinutes(5))
            .WithEnvironment("NO_COLOR", "1").WithEnvironment("CI", "true");
        if (workingDirectory is not null) spec = spec.WithWorkingDirectory(workingDirectory);
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>()) spec = spec.WithEnvironment(k, v);
        return ProcessRunner.RunAsync(spec);
    }
}
