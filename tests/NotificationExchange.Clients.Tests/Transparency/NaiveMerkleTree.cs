using System.Security.Cryptography;

namespace NotificationExchange.Clients.Tests.Transparency;

/// <summary>
/// RFC 9162 section 2.1 written as the RFC states it, recursively and without cleverness, as the reference the client's
/// verifier is checked against: MTH (2.1.1), PATH (2.1.3.1) and PROOF/SUBPROOF (2.1.4.1) over leaf hashes.
/// </summary>
internal static class NaiveMerkleTree
{
    public static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>MTH(D[n]) over leaf hashes (the leaves are already HASH(0x00 || d)).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return SHA256.HashData([]);
        }
        if (leaves.Count == 1)
        {
            return leaves[0];
        }
        var k = LargestPowerOfTwoBelow(leaves.Count);
        return Node(Root(leaves.Take(k).ToList()), Root(leaves.Skip(k).ToList()));
    }

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 1)
        {
            return [];
        }
        var k = LargestPowerOfTwoBelow(leaves.Count);
        var left = leaves.Take(k).ToList();
        var right = leaves.Skip(k).ToList();
        return m < k ? [.. Path(m, left), Root(right)] : [.. Path(m - k, right), Root(left)];
    }

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true).</summary>
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> leaves) => SubProof(m, leaves, true);

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> leaves, bool b)
    {
        var n = leaves.Count;
        if (m == n)
        {
            return b ? [] : [Root(leaves)];
        }
        var k = LargestPowerOfTwoBelow(n);
        var left = leaves.Take(k).ToList();
        var right = leaves.Skip(k).ToList();
        return m <= k ? [.. SubProof(m, left, b), Root(right)] : [.. SubProof(m - k, right, false), Root(left)];
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n &gt; 1).</summary>
    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return k;
    }
}
