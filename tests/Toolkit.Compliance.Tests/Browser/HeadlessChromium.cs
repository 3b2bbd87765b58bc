using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Compliance.Tests.Browser;

/// <summary>
/// The real Debian <c>chromium</c>, headless, with a throw-away profile and no network chatter: dumps the
/// DOM a page renders to, or takes a screenshot of it.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Path of the chromium binary; fails with how to install it when missing.</summary>
    public static string Binary =>
        ProcessRunner.FindOnPath("chromium") ?? ProcessRunner.FindOnPath("chromium-browser")
        ?? throw new InvalidOperationException("chromium is not installed: run 'apt-get install -y chromium' (or .ci/run).");

    /// <summary>The serialized DOM of <paramref name="htmlFile"/> after Chromium has loaded it.</summary>
    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        var result = await RunAsync("--dump-dom", new Uri(htmlFile).AbsoluteUri);
        return result.StandardOutput;
    }

    /// <summary>Screenshots <paramref name="htmlFile"/> at <paramref name="width"/> x <paramref name="height"/> into <paramref name="png"/>.</summary>
    public static async Task ScreenshotAsync(string htmlFile, string png, int width = 1280, int height = 1600)
    {
        await RunAsync($"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);
        if (!File.Exists(png)) throw new InvalidOperationException($"chromium wrote no screenshot to {png}");
    }

    private static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        using var profile = new TempDirectory("toolkit-chromium");
        var spec = ProcessSpec.For(Binary).WithArguments([
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", $"--user-data-dir={profile.Path}", .. arguments])
            .WithTimeout(TimeSpan.FromSeconds(90));
        var result = await ProcessRunner.RunAsync(spec);
        if (!result.Succeeded)
            throw new InvalidOperationException($"chromium failed ({result.ExitCode}, timed out: {result.TimedOut}):\n{result.StandardError}");
        return result;
    }
}
