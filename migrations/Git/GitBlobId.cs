using System.Security.Cryptography;
using System.Text;

namespace Toolkit.Migrations.Git;

/// <summary>Git's object id of a blob (SHA-1 of <c>blob LEN\0</c> and the bytes), computed in process to compare files without spawning git.</summary>
public static class GitBlobId
{
    /// <summary>The blob id of <paramref name="content"/>.</summary>
    public static string Of(ReadOnlySpan<byte> content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(header);
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The blob id git would store for the file or symbolic link at <paramref name="path"/>, or null when absent.</summary>
    public static string? OfPath(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return Of(Encoding.UTF8.GetBytes(info.LinkTarget));
        return info.Exists ? Of(File.ReadAllBytes(path)) : null;
    }
}
