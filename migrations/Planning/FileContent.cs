using System.Security.Cryptography;
using System.Text;

namespace Toolkit.Migrations.Planning;

/// <summary>How the engine turns swap text into file bytes and hashes them: UTF-8, keeping a byte order mark the original had.</summary>
public static class FileContent
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Lowercase hex SHA-256 of <paramref name="bytes"/>, or null for an absent file.</summary>
    public static string? Hash(byte[]? bytes) => bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The bytes of a file, or null when it does not exist.</summary>
    public static byte[]? Read(string fullPath) => File.Exists(fullPath) ? File.ReadAllBytes(fullPath) : null;

    /// <summary>The text of <paramref name="bytes"/> as a swap reads it (byte order mark dropped).</summary>
    public static string Decode(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Bom) ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);

    /// <summary>The bytes for <paramref name="text"/>, with a byte order mark when <paramref name="original"/> had one.</summary>
    public static byte[] Encode(string text, byte[]? original)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return original is not null && original.AsSpan().StartsWith(Bom) ? [.. Bom, .. body] : body;
    }
}
