using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Migrations.Tests.Support;

/// <summary>Runs the real <c>toolkit</c> binary and says what happened when it did not.</summary>
public static class ToolkitRun
{
    public static async Task<ProcessResult> RunAsync(params string[] args) => await ToolkitCli.RunAsync(null, args);

    public static async Task<ProcessResult> OkAsync(params string[] args)
    {
        var result = await ToolkitCli.RunAsync(null, args);
        Assert.True(result.ExitCode == 0, $"toolkit {string.Join(' ', args)} exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        return result;
    }
}
