using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Transparency;

/// <summary>
/// The hashes of the exchange's transparency log, as transparency.proto defines them (RFC 9162 section 2.1 with
/// SHA-256): commitment = SHA-256(salt || entry), leaf data = sequence (8 bytes big-endian) || commitment,
/// leaf hash = SHA-256(0x00 || leaf data), node hash = SHA-256(0x01 || left || right).
/// </summary>
public static class MerkleHashes
{
    /// <summary>The length of every hash, commitment and salt: 32 bytes.</summary>
    public const int HashLength = 32;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    /// <summary>SHA-256(salt || entry), the entry serialised as protobuf writes it: fields in field-number order.</summary>
    public static byte[] Commitment(ReadOnlySpan<byte> salt, SubscriptionMessage entry)
    {
        var encoded = entry.ToByteArray();
        var buffer = new byte[salt.Length + encoded.Length];
        salt.CopyTo(buffer);
        encoded.CopyTo(buffer.AsSpan(salt.Length));
        return SHA256.HashData(buffer);
    }

    /// <summary>SHA-256(0x00 || sequence as 8 bytes big-endian || commitment).</summary>
    public static byte[] LeafHash(ulong sequence, ReadOnlySpan<byte> commitment)
    {
        var buffer = new byte[1 + 8 + commitment.Length];
        buffer[0] = 0x00;
        BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(1, 8), sequence);
        commitment.CopyTo(buffer.AsSpan(9));
        return SHA256.HashData(buffer);
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var buffer = new byte[1 + left.Length + right.Length];
        buffer[0] = 0x01;
        left.CopyTo(buffer.AsSpan(1));
        right.CopyTo(buffer.AsSpan(1 + left.Length));
        return SHA256.HashData(buffer);
    }

    /// <summary>The root of the tree over <paramref name="leafHashes"/> (RFC 9162 MTH).</summary>
    public static byte[] Root(IEnumerable<byte[]> leafHashes)
    {
        var builder = new MerkleRootBuilder();
        foreach (var leaf in leafHashes)
        {
            builder.Add(leaf);
        }
        return builder.Root();
    }
}
