namespace Toolkit.Migrations.Git;

/// <summary>One file in a git tree: mode (<c>100644</c>, <c>100755</c>, <c>120000</c>) and blob id.</summary>
public sealed record GitTreeEntry(string Mode, string BlobId)
{
    /// <summary>The entry git would record for the file or symbolic link at <paramref name="fullPath"/> now, or null when it is absent.</summary>
    public static GitTreeEntry? OfPath(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is not null) return new GitTreeEntry("120000", GitBlobId.OfPath(fullPath)!);
        return info.Exists ? new GitTreeEntry(GitFileMode.Of(fullPath), GitBlobId.OfPath(fullPath)!) : null;
    }
}
