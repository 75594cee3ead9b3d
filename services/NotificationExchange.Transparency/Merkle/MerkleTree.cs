using System.Numerics;

namespace NotificationExchange.Transparency.Merkle;

/// <summary>
/// RFC 9162 section 2.1 over stored hashes of complete subtrees (<see cref="INodeSource"/>): the root of a tree of any
/// size, an entry's inclusion path and the consistency path between two sizes. Each follows the RFC's recursion, which
/// splits a range at the largest power of two below its size, so every left part is a complete subtree (one read); the
/// only incomplete parts lie on the tree's right edge, and a proof needs at most one of them, so a root or a proof costs
/// O(log n) reads.
/// </summary>
public static class MerkleTree
{
    /// <summary>MTH of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(INodeSource nodes, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? MerkleHash.EmptyRoot() : Hash(nodes, 0, size);
    }

    /// <summary>PATH(m, D[n]): the audit path of leaf <paramref name="leafIndex"/> in the tree of <paramref name="size"/> leaves, leaf to root.</summary>
    public static IReadOnlyList<byte[]> InclusionPath(INodeSource nodes, long leafIndex, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, size);
        var path = new List<byte[]>();
        Path(nodes, leafIndex, 0, size, path);
        return path;
    }

    /// <summary>PROOF(m, D[n]): the consistency path from the tree of <paramref name="first"/> leaves to that of <paramref name="second"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyPath(INodeSource nodes, long first, long second)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var path = new List<byte[]>();
        if (first < second)
        {
            SubProof(nodes, first, 0, second, true, path);
        }
        return path;
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n at least 2).</summary>
    public static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    // MTH(D[start:end]), where start is a multiple of the largest power of two not above end - start (the recursion
    // from the root keeps it so).
    private static byte[] Hash(INodeSource nodes, long start, long end)
    {
        var n = end - start;
        if (BitOperations.IsPow2(n))
        {
            var level = BitOperations.Log2((ulong)n);
            return nodes.Node(level, start >> level);
        }
        var k = SplitPoint(n);
        return MerkleHash.Node(Hash(nodes, start, start + k), Hash(nodes, start + k, end));
    }

    private static void Path(INodeSource nodes, long m, long start, long end, List<byte[]> path)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }
        var k = SplitPoint(n);
        if (m < start + k)
        {
            Path(nodes, m, start, start + k, path);
            path.Add(Hash(nodes, start + k, end));
        }
        else
        {
            Path(nodes, m, start + k, end, path);
            path.Add(Hash(nodes, start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b), m counted from start.
    private static void SubProof(INodeSource nodes, long m, long start, long end, bool whole, List<byte[]> path)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole)
            {
                path.Add(Hash(nodes, start, end));
            }
            return;
        }
        var k = SplitPoint(n);
        if (m <= k)
        {
            SubProof(nodes, m, start, start + k, whole, path);
            path.Add(Hash(nodes, start + k, end));
        }
        else
        {
            SubProof(nodes, m - k, start + k, end, false, path);
            path.Add(Hash(nodes, start, start + k));
        }
    }
}
