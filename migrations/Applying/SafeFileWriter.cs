using Toolkit.Migrations.Git;

namespace Toolkit.Migrations.Applying;

/// <summary>Writes one file all at once (temporary file beside it, then rename), keeping the mode it had; null content deletes it.</summary>
public static class SafeFileWriter
{
    /// <summary>Writes or deletes <paramref name="fullPath"/>.</summary>
    public static void Write(string fullPath, byte[]? content)
    {
        if (content is null)
        {
            if (File.Exists(fullPath)) File.Delete(fullPath);
            return;
        }
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.toolkit-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(temporary, content);
            GitFileMode.Set(temporary, File.Exists(fullPath) ? GitFileMode.Of(fullPath) : "100644");
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
