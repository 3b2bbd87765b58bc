using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Dashboard.Tests;

/// <summary>
/// Loads a live http page in the real Debian <c>chromium</c>, headless with a throw-away profile, lets its scripts run
/// (a virtual time budget, so the page's fetches and timers complete) and returns the DOM, or a screenshot.
/// </summary>
public static class ChromiumPage
{
    private static string Binary =>
        ProcessRunner.FindOnPath("chromium") ?? ProcessRunner.FindOnPath("chromium-browser")
        ?? throw new InvalidOperationException("chromium is not installed: run 'apt-get install -y chromium' (or .ci/run).");

    /// <summary>The DOM of <paramref name="url"/> once its scripts have had <paramref name="budgetMs"/> ms of virtual time.</summary>
    public static async Task<string> DomAsync(Uri url, int budgetMs = 8000) =>
        (await RunAsync($"--virtual-time-budget={budgetMs}", "--dump-dom", url.AbsoluteUri)).StandardOutput;

    /// <summary>A PNG of <paramref name="url"/> at 1280 x <paramref name="height"/>.</summary>
    public static async Task ScreenshotAsync(Uri url, string png, int height = 900)
    {
        await RunAsync("--virtual-time-budget=8000", $"--screenshot={png}", $"--window-size=1280,{height}", "--hide-scrollbars", url.AbsoluteUri);
        Assert.True(File.Exists(png), $"chromium wrote no screenshot to {png}");
    }

    private static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        using var profile = new TempDirectory("toolkit-chromium");
        var result = await ProcessRunner.RunAsync(ProcessSpec.For(Binary).WithArguments([
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.Path}", .. arguments])
            .WithTimeout(TimeSpan.FromSeconds(120)));
        Assert.True(result.Succeeded, $"chromium failed ({result.ExitCode}, timed out: {result.TimedOut}):\n{result.StandardError}");
        return result;
    }
}
