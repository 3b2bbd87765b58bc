using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Toolkit.Tenants.Data;

/// <summary>
/// An order-independent checksum of a table's rows: the sum (mod 2^128) of the first 16 bytes of each
/// row's SHA-256, over the row as PostgreSQL's binary COPY writes it. The same rows give the same value in
/// any order, on any database with the same column types, so a copy is verified without sorting.
/// </summary>
public sealed class RowChecksum
{
    private UInt128 _sum;

    /// <summary>Rows added.</summary>
    public long Rows { get; private set; }

    /// <summary>Adds one row's hash.</summary>
    public void Add(ReadOnlySpan<byte> sha256)
    {
        _sum += new UInt128(BinaryPrimitives.ReadUInt64BigEndian(sha256), BinaryPrimitives.ReadUInt64BigEndian(sha256[8..]));
        Rows++;
    }

    /// <summary><c>sha256-sum:</c> and 32 hex digits.</summary>
    public string Value => "sha256-sum:" + ((ulong)(_sum >> 64)).ToString("x16", CultureInfo.InvariantCulture) + ((ulong)_sum).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The hash a row contributes.</summary>
    public static void Hash(ReadOnlySpan<byte> row, Span<byte> destination) => SHA256.HashData(row, destination);
}
