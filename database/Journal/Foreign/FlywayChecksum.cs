using System.Text;

namespace Toolkit.Database.Journal.Foreign;

/// <summary>
/// Flyway's script checksum, so an adopted journal can tell which files changed after Flyway applied them: CRC-32
/// (IEEE, as <c>java.util.zip.CRC32</c>) over the UTF-8 bytes of each line without its line ending (a leading BOM
/// dropped), as a signed 32-bit integer.
/// </summary>
public static class FlywayChecksum
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The checksum Flyway records for <paramref name="text"/>.</summary>
    public static int Of(string text)
    {
        var crc = 0xFFFFFFFFu;
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        while (reader.ReadLine() is { } line)
            foreach (var b in Encoding.UTF8.GetBytes(line)) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return unchecked((int)(crc ^ 0xFFFFFFFFu));
    }
}
