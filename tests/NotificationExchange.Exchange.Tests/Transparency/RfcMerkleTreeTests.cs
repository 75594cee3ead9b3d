using System.Security.Cryptography;
using System.Text;
using NotificationExchange.Transparency.Merkle;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Transparency;

/// <summary>
/// The transparency library's tree against RFC 9162 section 2.1 as the RFC writes it: MTH, PATH and PROOF computed
/// naively, recursively, over the list of leaf hashes, compared with the library's answers over stored complete
/// subtrees for every tree size 1..200 and every leaf or size pair, and with the RFC's own verification algorithms.
/// </summary>
public sealed class RfcMerkleTreeTests
{
    private const int MaxSize = 200;

    private static readonly byte[][] _leaves = Enumerable.Range(1, MaxSize)
        .Select(i => MerkleHash.EntryLeaf(i, SHA256.HashData(Encoding.UTF8.GetBytes($"entry {i}"))))
        .ToArray();

    // The stored nodes of the tree of MaxSize leaves, built one append at a time; a smaller tree's complete subtrees
    // are the same nodes.
    private static readonly StoredNodes _nodes = Build();

    [Test]
    public void The_empty_trees_root_is_SHA256_of_nothing()
    {
        Assert.That(Convert.ToHexStringLower(MerkleTree.Root(_nodes, 0)),
            Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    [Test]
    public void Hashes_are_prefixed_as_the_RFC_says()
    {
        var data = new byte[] { 1, 2, 3 };
        Assert.That(MerkleHash.Leaf(data), Is.EqualTo(SHA256.HashData([0x00, 1, 2, 3])));
        var left = SHA256.HashData([9]);
        var right = SHA256.HashData([8]);
        Assert.That(MerkleHash.Node(left, right), Is.EqualTo(SHA256.HashData([0x01, .. left, .. right])));
        Assert.That(MerkleHash.LeafData(258, new byte[32]).Take(8), Is.EqualTo(new byte[] { 0, 0, 0, 0, 0, 0, 1, 2 }));
    }

    [Test]
    public void A_one_leaf_tree_has_the_leaf_hash_as_its_root_and_two_leaves_their_node()
    {
        Assert.That(MerkleTree.Root(_nodes, 1), Is.EqualTo(_leaves[0]));
        Assert.That(MerkleTree.Root(_nodes, 2), Is.EqualTo(MerkleHash.Node(_leaves[0], _leaves[1])));
        Assert.That(MerkleTree.Root(_nodes, 3), Is.EqualTo(MerkleHash.Node(MerkleHash.Node(_leaves[0], _leaves[1]), _leaves[2])));
    }

    [Test]
    public void Roots_match_the_RFCs_MTH_for_every_size()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            Assert.That(MerkleTree.Root(_nodes, n), Is.EqualTo(Mth(_leaves.AsSpan(0, n))), $"size {n}");
        }
    }

    [Test]
    public void Inclusion_paths_match_the_RFCs_PATH_and_verify_for_every_leaf_of_every_size()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root = Mth(_leaves.AsSpan(0, n));
            for (var m = 0; m < n; m++)
            {
                var path = MerkleTree.InclusionPath(_nodes, m, n);
                Assert.That(path, Is.EqualTo(RfcPath(m, _leaves.AsSpan(0, n))), $"leaf {m} of {n}");
                Assert.That(RfcVerifier.VerifyInclusion(m, n, _leaves[m], path, root), Is.True, $"leaf {m} of {n}");
                if (n > 1)
                {
                    Assert.That(RfcVerifier.VerifyInclusion(m, n, _leaves[(m + 1) % n], path, root), Is.False, $"another leaf at {m} of {n}");
                }
            }
        }
    }

    [Test]
    public void Consistency_paths_match_the_RFCs_PROOF_and_verify_for_every_pair_of_sizes()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var second = Mth(_leaves.AsSpan(0, n));
            for (var m = 1; m <= n; m++)
            {
                var first = Mth(_leaves.AsSpan(0, m));
                var path = MerkleTree.ConsistencyPath(_nodes, m, n);
                Assert.That(path, Is.EqualTo(m == n ? [] : RfcProof(m, _leaves.AsSpan(0, n), true)), $"{m} to {n}");
                Assert.That(RfcVerifier.VerifyConsistency(m, n, first, second, path), Is.True, $"{m} to {n}");
                if (m < n)
                {
                    var forged = (byte[])first.Clone();
                    forged[0] ^= 1;
                    Assert.That(RfcVerifier.VerifyConsistency(m, n, forged, second, path), Is.False, $"a forged first root {m} to {n}");
                }
            }
        }
    }

    [Test]
    public void An_appender_stores_fewer_than_two_nodes_per_leaf_and_never_rewrites_one()
    {
        Assert.That(_nodes.Count, Is.LessThan(2 * MaxSize));
        Assert.That(_nodes.Rewrites, Is.Zero);
    }

    [Test]
    public void Proofs_read_few_nodes()
    {
        // O(log n): at 200 leaves (8 levels) a proof reads a few dozen nodes at most, never the tree.
        var counting = new CountingNodes(_nodes);
        MerkleTree.InclusionPath(counting, 0, MaxSize);
        MerkleTree.ConsistencyPath(counting, 7, MaxSize);
        MerkleTree.Root(counting, MaxSize);
        Assert.That(counting.Reads, Is.LessThan(3 * 2 * 8));
    }

    // RFC 9162 2.1.1: MTH({}) = SHA-256(); MTH({d0}) = leaf hash; MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])).
    private static byte[] Mth(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 0)
        {
            return SHA256.HashData([]);
        }
        if (leaves.Length == 1)
        {
            return leaves[0];
        }
        var k = LargestPowerOfTwoBelow(leaves.Length);
        return SHA256.HashData([0x01, .. Mth(leaves[..k]), .. Mth(leaves[k..])]);
    }

    // RFC 9162 2.1.3.1: PATH(m, D[n]).
    private static List<byte[]> RfcPath(int m, ReadOnlySpan<byte[]> leaves)
    {
        var n = leaves.Length;
        if (n == 1)
        {
            return [];
        }
        var k = LargestPowerOfTwoBelow(n);
        return m < k
            ? [.. RfcPath(m, leaves[..k]), Mth(leaves[k..])]
            : [.. RfcPath(m - k, leaves[k..]), Mth(leaves[..k])];
    }

    // RFC 9162 2.1.4.1: SUBPROOF(m, D[n], b).
    private static List<byte[]> RfcProof(int m, ReadOnlySpan<byte[]> leaves, bool b)
    {
        var n = leaves.Length;
        if (m == n)
        {
            return b ? [] : [Mth(leaves)];
        }
        var k = LargestPowerOfTwoBelow(n);
        return m <= k
            ? [.. RfcProof(m, leaves[..k], b), Mth(leaves[k..])]
            : [.. RfcProof(m - k, leaves[k..], false), Mth(leaves[..k])];
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return k;
    }

    private static StoredNodes Build()
    {
        var stored = new StoredNodes();
        foreach (var leaf in _leaves)
        {
            var appender = new TreeAppender(stored, stored.Size);
            appender.Append(leaf);
            stored.Store(appender.Added, appender.Size);
        }
        return stored;
    }

    private sealed class StoredNodes : INodeSource
    {
        private readonly Dictionary<(int, long), byte[]> _nodes = [];

        public long Size { get; private set; }

        public int Count => _nodes.Count;

        public int Rewrites { get; private set; }

        public byte[] Node(int level, long index) => _nodes[(level, index)];

        public void Store(IEnumerable<TreeNode> nodes, long size)
        {
            foreach (var node in nodes)
            {
                Rewrites += _nodes.TryAdd((node.Level, node.Index), node.Hash) ? 0 : 1;
            }
            Size = size;
        }
    }

    private sealed class CountingNodes(INodeSource inner) : INodeSource
    {
        public int Reads { get; private set; }

        public byte[] Node(int level, long index)
        {
            Reads++;
            return inner.Node(level, index);
        }
    }
}
