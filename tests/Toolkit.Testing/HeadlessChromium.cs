using Toolkit.Core.Processes;

namespace Toolkit.Testing;

/// <summary>
/// The real Debian <c>chromium</c>, headless, with a throw-away profile and no network chatter: dumps the DOM a page
/// renders to, or takes a screenshot of it. Live pages get a virtual time budget, so their fetches and timers complete.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Path of the chromium binary; fails with how to install it when missing.</summary>
    public static string Binary =>
        ProcessRunner.FindOnPath("chromium") ?? ProcessRunner.FindOnPath("chromium-browser")
        ?? throw new InvalidOperationException("chromium is not installed: run 'apt-get install -y chromium' (or .ci/run).");

    /// <summary>The serialized DOM of <paramref name="page"/>, after <paramref name="budgetMs"/> ms of virtual time when given.</summary>
    public static async Task<string> DomAsync(Uri page, int? budgetMs = null) =>
        (await RunAsync([.. Budget(budgetMs), "--dump-dom", page.AbsoluteUri])).StandardOutput;

    /// <summary>Screenshots <paramref name="page"/> at <paramref name="width"/> x <paramref name="height"/> into <paramref name="png"/>.</summary>
    public static async Task ScreenshotAsync(Uri page, string png, int width = 1280, int height = 1600, int? budgetMs = null)
    {
        await RunAsync([.. Budget(budgetMs), $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", page.AbsoluteUri]);
        if (!File.Exists(png)) throw new InvalidOperationException($"chromium wrote no screenshot to {png}");
    }

    private static string[] Budget(int? budgetMs) => budgetMs is { } ms ? [$"--virtual-time-budget={ms}"] : [];

    private static async Task<ProcessResult> RunAsync(string[] arguments)
    {
        using var profile = new TempDirectory("toolkit-chromium");
        var spec = ProcessSpec.For(Binary).WithArguments([
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", $"--user-data-dir={profile.Path}", .. arguments])
            .WithTimeout(TimeSpan.FromSeconds(120));
        var result = await ProcessRunner.RunAsync(spec);
        if (!result.Succeeded)
            throw new InvalidOperationException($"chromium failed ({result.ExitCode}, timed out: {result.TimedOut}):\n{result.StandardError}");
        return result;
    }
}
