namespace Toolkit.Core.Output;

/// <summary>
/// Writes a set of files as one unit: everything goes to a hidden staging directory beside the target,
/// and only <see cref="Commit"/> moves it into place. Disposing without committing deletes the staging
/// directory, so a failure half-way leaves the target exactly as it was.
/// </summary>
public sealed class StagedDirectory : IDisposable
{
    private readonly string _staging;
    private bool _committed;

    /// <summary>Starts staging files for <paramref name="target"/>.</summary>
    public StagedDirectory(string target)
    {
        Target = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(Target) ?? throw new ArgumentException($"'{target}' has no parent directory.", nameof(target));
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
    }

    /// <summary>The directory the files end up in.</summary>
    public string Target { get; }

    /// <summary>Stages <paramref name="relativePath"/> with <paramref name="content"/> (UTF-8, no BOM, \n line ends as given).</summary>
    public void WriteText(string relativePath, string content)
    {
        var path = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
    }

    /// <summary>Stages <paramref name="relativePath"/> with raw bytes.</summary>
    public void WriteBytes(string relativePath, byte[] content)
    {
        var path = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>
    /// Moves the staged files into <see cref="Target"/>, replacing files of the same name and leaving
    /// any other files there alone.
    /// </summary>
    public void Commit()
    {
        Directory.CreateDirectory(Target);
        foreach (var file in Directory.EnumerateFiles(_staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var destination = Path.Combine(Target, Path.GetRelativePath(_staging, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(file, destination, overwrite: true);
        }
        _committed = true;
        Directory.Delete(_staging, recursive: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_committed && Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
    }

    private string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (!full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{relativePath}' points outside the output directory.", nameof(relativePath));
        return full;
    }
}
