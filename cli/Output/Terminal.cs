namespace Toolkit.Cli.Output;

/// <summary>The one answer to "may this command draw for a person?": asked once per process.</summary>
public static class Terminal
{
    private static readonly Lazy<bool> Interactive = new(() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb");

    /// <summary>
    /// True when progress, trees and colour may use terminal rendering: stdout is a terminal, and neither
    /// <c>CI</c> nor <c>NO_COLOR</c> is set nor <c>TERM=dumb</c>. Pipes, CI logs and <c>--json</c> get plain text.
    /// </summary>
    public static bool IsInteractive => Interactive.Value;
}
