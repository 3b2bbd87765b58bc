using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Toolkit.Tenants.Data;

/// <summary>
/// Splits a binary COPY stream (fed in chunks of any size) into rows and hashes each into a
/// <see cref="RowChecksum"/>: the 19-byte header and its extension, then per row a 16-bit field count and
/// per field a 32-bit length (-1 for null) and its bytes, until the -1 trailer.
/// </summary>
public sealed class CopyRowReader
{
    private enum Part { Header, Extension, Count, Length, Field, Done }

    private readonly IncrementalHash _row = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _small = new byte[19];
    private readonly byte[] _digest = new byte[32];
    private Part _part = Part.Header;
    private int _have;
    private long _left;
    private int _fields;

    /// <summary>The checksum of the rows seen so far.</summary>
    public RowChecksum Checksum { get; } = new();

    /// <summary>True after the trailer.</summary>
    public bool Complete => _part == Part.Done;

    /// <summary>Feeds the next bytes of the stream.</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && _part != Part.Done)
        {
            switch (_part)
            {
                case Part.Header:
                    if (!Fill(ref data, 19)) return;
                    _left = BinaryPrimitives.ReadInt32BigEndian(_small.AsSpan(15));
                    _part = _left > 0 ? Part.Extension : Part.Count;
                    break;
                case Part.Extension:
                    var skip = (int)Math.Min(_left, data.Length);
                    data = data[skip..];
                    _left -= skip;
                    if (_left == 0) _part = Part.Count;
                    break;
                case Part.Count:
                    if (!Fill(ref data, 2)) return;
                    var count = BinaryPrimitives.ReadInt16BigEndian(_small);
                    if (count == -1) { _part = Part.Done; return; }
                    _row.AppendData(_small, 0, 2);
                    _fields = count;
                    _part = _fields == 0 ? EndRow() : Part.Length;
                    break;
                case Part.Length:
                    if (!Fill(ref data, 4)) return;
                    _row.AppendData(_small, 0, 4);
                    _left = BinaryPrimitives.ReadInt32BigEndian(_small);
                    if (_left <= 0) _part = --_fields == 0 ? EndRow() : Part.Length;
                    else _part = Part.Field;
                    break;
                case Part.Field:
                    var take = (int)Math.Min(_left, data.Length);
                    _row.AppendData(data[..take]);
                    data = data[take..];
                    _left -= take;
                    if (_left == 0) _part = --_fields == 0 ? EndRow() : Part.Length;
                    break;
            }
        }
    }

    private Part EndRow()
    {
        _row.GetHashAndReset(_digest);
        Checksum.Add(_digest);
        return Part.Count;
    }

    private bool Fill(ref ReadOnlySpan<byte> data, int size)
    {
        var take = Math.Min(size - _have, data.Length);
        data[..take].CopyTo(_small.AsSpan(_have));
        data = data[take..];
        _have += take;
        if (_have < size) return false;
        _have = 0;
        return true;
    }
}
