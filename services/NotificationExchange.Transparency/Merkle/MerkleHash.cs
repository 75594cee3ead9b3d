using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NotificationExchange.Transparency.Merkle;

/// <summary>
/// RFC 9162 section 2.1.1 with SHA-256: a leaf hash is SHA-256(0x00 || leaf data), an interior node's
/// SHA-256(0x01 || left || right), the empty tree's root SHA-256 of nothing. The prefixes keep a leaf from ever
/// passing for a node (second preimages).
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;

    /// <summary>The root of the tree of no leaves: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] Leaf(ReadOnlySpan<byte> leafData)
    {
        Span<byte> input = stackalloc byte[1 + leafData.Length];
        input[0] = 0x00;
        leafData.CopyTo(input[1..]);
        return SHA256.HashData(input);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The exchange's leaf data: the entry's sequence as 8 bytes big-endian, then its commitment.</summary>
    public static byte[] LeafData(long sequence, ReadOnlySpan<byte> commitment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (commitment.Length != Size)
        {
            throw new ArgumentException($"a commitment is {Size} bytes, not {commitment.Length}", nameof(commitment));
        }
        var data = new byte[8 + Size];
        BinaryPrimitives.WriteInt64BigEndian(data, sequence);
        commitment.CopyTo(data.AsSpan(8));
        return data;
    }

    /// <summary>The leaf hash of the entry at <paramref name="sequence"/> with this commitment.</summary>
    public static byte[] EntryLeaf(long sequence, ReadOnlySpan<byte> commitment) => Leaf(LeafData(sequence, commitment));
}
