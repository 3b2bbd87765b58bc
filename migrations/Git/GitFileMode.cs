namespace Toolkit.Migrations.Git;

/// <summary>The two regular-file modes git records (644 and 755), read from and written to the disk; no-ops on Windows.</summary>
public static class GitFileMode
{
    private const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Executable = Regular | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary><c>100755</c> when the owner may execute the file, else <c>100644</c>.</summary>
    public static string Of(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0 ? "100755" : "100644";

    /// <summary>Sets the file's permissions for git mode <paramref name="mode"/>.</summary>
    public static void Set(string path, string mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode == "100755" ? Executable : Regular);
    }
}
