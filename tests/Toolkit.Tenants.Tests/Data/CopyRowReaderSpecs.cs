using System.Buffers.Binary;
using Toolkit.Tenants.Data;

namespace Toolkit.Tenants.Tests.Data;

public sealed class CopyRowReaderSpecs
{
    [Fact]
    public void I_can_split_a_binary_copy_stream_at_any_byte_and_get_the_same_rows_and_checksum_in_any_row_order()
    {
        var rows = new[] { Row("a", null, "ccc"), Row("", "bb", "x"), Row("third", "row", null) };
        var stream = Stream(rows);
        var whole = Read(stream, stream.Length);

        Assert.Equal(3, whole.Rows);
        for (var chunk = 1; chunk < 40; chunk++) Assert.Equal(whole.Value, Read(stream, chunk).Value);
        Assert.Equal(whole.Value, Read(Stream([rows[2], rows[0], rows[1]]), 7).Value);
        Assert.NotEqual(whole.Value, Read(Stream([rows[0], rows[1], Row("third", "row", "")]), 7).Value);
    }

    private static RowChecksum Read(byte[] stream, long chunk)
    {
        var reader = new CopyRowReader();
        for (var i = 0; i < stream.Length; i += (int)chunk) reader.Feed(stream.AsSpan(i, (int)Math.Min(chunk, stream.Length - i)));
        Assert.True(reader.Complete);
        return reader.Checksum;
    }

    private static byte[] Row(params string?[] fields)
    {
        var bytes = new List<byte>();
        var count = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(count, (short)fields.Length);
        bytes.AddRange(count);
        foreach (var f in fields)
        {
            var length = new byte[4];
            var data = f is null ? [] : System.Text.Encoding.UTF8.GetBytes(f);
            BinaryPrimitives.WriteInt32BigEndian(length, f is null ? -1 : data.Length);
            bytes.AddRange(length);
            bytes.AddRange(data);
        }
        return [.. bytes];
    }

    private static byte[] Stream(IEnumerable<byte[]> rows)
    {
        byte[] header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4];
        return [.. header, .. rows.SelectMany(r => r), 0xFF, 0xFF];
    }
}
