using Toolkit.Testing;

namespace Toolkit.Dashboard.Tests;

/// <summary>
/// Where the specs put their screenshots: docs/dashboard/ only when asked (<c>TOOLKIT_SCREENSHOTS=1</c>, as
/// <c>TOOLKIT_APPROVE=1</c> re-approves golden files), so a plain test run leaves the repository clean; otherwise
/// the test output folder (bin/.../screenshots), where a failed run's images can still be looked at.
/// </summary>
internal static class Screenshots
{
    public static bool ForDocs => Environment.GetEnvironmentVariable("TOOLKIT_SCREENSHOTS") == "1";

    public static string Directory { get; } = Create(ForDocs ? RepositoryRoot.Combine("docs", "dashboard") : System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots"));

    public static string Path(string panel) => System.IO.Path.Combine(Directory, panel + ".png");

    private static string Create(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
