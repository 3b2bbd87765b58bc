namespace Toolkit.Migrations.Applying;

/// <summary>
/// Test hook (for crash tests only, documented in docs/migrations.md): when
/// <c>TOOLKIT_TEST_PAUSE_AFTER_FILES=N</c> is set, apply writes its process id to
/// <c>.git/toolkit/test-hook.pid</c> after writing N files and then waits, so a test can SIGKILL the
/// real process at a known point. Unset, it does nothing.
/// </summary>
public static class TestHooks
{
    /// <summary>The environment variable.</summary>
    public const string PauseAfterFiles = "TOOLKIT_TEST_PAUSE_AFTER_FILES";

    /// <summary>The environment variable that pauses after N database scripts.</summary>
    public const string PauseAfterScripts = "TOOLKIT_TEST_PAUSE_AFTER_SCRIPTS";

    /// <summary>The environment variable that pauses rollback after it recorded its decisions and wrote N files (0: before the first).</summary>
    public const string PauseAfterRestores = "TOOLKIT_TEST_PAUSE_AFTER_RESTORES";

    /// <summary>Pauses (up to ten minutes) when the hook asks for a pause after <paramref name="filesRestored"/> files rolled back.</summary>
    public static void AfterFileRestored(int filesRestored, string journalDirectory) => PauseIf(PauseAfterRestores, filesRestored, journalDirectory);

    /// <summary>Pauses (up to ten minutes) when the hook asks for a pause after <paramref name="filesWritten"/> files.</summary>
    public static void AfterFileWritten(int filesWritten, string journalDirectory) => PauseIf(PauseAfterFiles, filesWritten, journalDirectory);

    /// <summary>Pauses (up to ten minutes) when the hook asks for a pause after <paramref name="scriptsRun"/> scripts.</summary>
    public static void AfterScriptRun(int scriptsRun, string journalDirectory) => PauseIf(PauseAfterScripts, scriptsRun, journalDirectory);

    private static void PauseIf(string variable, int count, string journalDirectory)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(variable), out var n) || n != count) return;
        Directory.CreateDirectory(journalDirectory);
        // Written whole (temp file and rename), so a test polling for the file never reads it empty.
        var pidFile = Path.Combine(journalDirectory, "test-hook.pid");
        File.WriteAllText(pidFile + ".tmp", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Move(pidFile + ".tmp", pidFile, overwrite: true);
        Thread.Sleep(TimeSpan.FromMinutes(10));
    }
}
