using NotificationExchange.Client.Transparency;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Transparency;

/// <summary>The client's RFC 9162 verifier against the naive reference tree: every size 1..128, every leaf, every pair
/// of sizes; and every tampering of a proof, leaf or root refused. (A proof may also hold under another tree size of
/// the same shape, e.g. leaf 0 of 3 and of 4: RFC 9162 binds the size through the signed head, which is checked
/// apart, so sizes are not tampered here.)</summary>
public sealed class MerkleProofTests
{
    private const int MaxSize = 128;

    private static readonly List<byte[]> Leaves = Enumerable.Range(1, MaxSize)
        .Select(i => MerkleHashes.LeafHash((ulong)i, System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i * 7919))))
        .ToList();

    [Test]
    public void The_root_is_the_reference_root_for_every_size()
    {
        Assert.That(MerkleHashes.Root([]), Is.EqualTo(NaiveMerkleTree.Root([])));
        for (var n = 1; n <= MaxSize; n++)
        {
            Assert.That(MerkleHashes.Root(Leaves.Take(n)), Is.EqualTo(NaiveMerkleTree.Root(Leaves.Take(n).ToList())), $"size {n}");
        }
    }

    [Test]
    public void Every_leaf_of_every_size_is_proven_included_and_every_tampering_is_refused()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var tree = Leaves.Take(n).ToList();
            var root = NaiveMerkleTree.Root(tree);
            for (var m = 0; m < n; m++)
            {
                var path = NaiveMerkleTree.Path(m, tree);
                Assert.That(MerkleProofs.VerifyInclusion((ulong)m, (ulong)n, tree[m], path, root), Is.True, $"leaf {m} of {n}");

                Assert.That(MerkleProofs.VerifyInclusion((ulong)m, (ulong)n, Leaves[(m + 1) % MaxSize], path, root), Is.False, $"another leaf at {m} of {n}");
                Assert.That(MerkleProofs.VerifyInclusion((ulong)m, (ulong)n, tree[m], path, Flip(root)), Is.False, $"another root, leaf {m} of {n}");
                Assert.That(MerkleProofs.VerifyInclusion((ulong)n, (ulong)n, tree[m], path, root), Is.False, $"index out of range, {n}");
                Assert.That(MerkleProofs.VerifyInclusion((ulong)m, (ulong)n, tree[m], [.. path, root], root), Is.False, $"a path one too long, leaf {m} of {n}");
                if (path.Count > 0)
                {
                    Assert.That(MerkleProofs.VerifyInclusion((ulong)m, (ulong)n, tree[m], path[..^1], root), Is.False, $"a path one too short, leaf {m} of {n}");
                    for (var i = 0; i < path.Count; i++)
                    {
                        var tampered = path.ToList();
                        tampered[i] = Flip(tampered[i]);
                        Assert.That(MerkleProofs.VerifyInclusion((ulong)m, (ulong)n, tree[m], tampered, root), Is.False, $"path element {i} altered, leaf {m} of {n}");
                    }
                }
                if (n > 1)
                {
                    // The same path claimed for the leaf's neighbour.
                    var other = m == 0 ? 1 : m - 1;
                    Assert.That(MerkleProofs.VerifyInclusion((ulong)other, (ulong)n, tree[m], path, root), Is.False, $"leaf {m}'s path as leaf {other}'s, size {n}");
                }
            }
        }
    }

    [Test]
    public void Every_pair_of_sizes_is_proven_consistent_and_every_tampering_is_refused()
    {
        var roots = Enumerable.Range(0, MaxSize + 1).Select(n => NaiveMerkleTree.Root(Leaves.Take(n).ToList())).ToList();
        for (var n = 1; n <= MaxSize; n++)
        {
            var tree = Leaves.Take(n).ToList();
            for (var m = 1; m <= n; m++)
            {
                var proof = NaiveMerkleTree.Proof(m, tree);
                Assert.That(MerkleProofs.VerifyConsistency((ulong)m, (ulong)n, roots[m], roots[n], proof), Is.True, $"{m} → {n}");

                Assert.That(MerkleProofs.VerifyConsistency((ulong)m, (ulong)n, Flip(roots[m]), roots[n], proof), Is.False, $"{m} → {n}, first root altered");
                Assert.That(MerkleProofs.VerifyConsistency((ulong)m, (ulong)n, roots[m], Flip(roots[n]), proof), Is.False, $"{m} → {n}, second root altered");
                Assert.That(MerkleProofs.VerifyConsistency((ulong)n, (ulong)m, roots[n], roots[m], proof), Is.EqualTo(m == n), $"{n} → {m}, sizes swapped");
                for (var i = 0; i < proof.Count; i++)
                {
                    var tampered = proof.ToList();
                    tampered[i] = Flip(tampered[i]);
                    Assert.That(MerkleProofs.VerifyConsistency((ulong)m, (ulong)n, roots[m], roots[n], tampered), Is.False, $"{m} → {n}, proof element {i} altered");
                }
                Assert.That(MerkleProofs.VerifyConsistency((ulong)m, (ulong)n, roots[m], roots[n], [.. proof, roots[0]]), Is.False, $"{m} → {n}, a proof one too long");
                if (proof.Count > 0)
                {
                    Assert.That(MerkleProofs.VerifyConsistency((ulong)m, (ulong)n, roots[m], roots[n], proof[1..]), Is.False, $"{m} → {n}, a proof one too short");
                }
                if (m < n)
                {
                    // A history that differs from the first tree: a leaf of the first m replaced.
                    var forked = tree.ToList();
                    forked[m - 1] = Flip(forked[m - 1]);
                    Assert.That(MerkleProofs.VerifyConsistency((ulong)m, (ulong)n, roots[m], NaiveMerkleTree.Root(forked), proof), Is.False, $"{m} → {n} over a rewritten leaf {m - 1}");
                }
            }
        }
    }

    private static byte[] Flip(byte[] hash)
    {
        var copy = hash.ToArray();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }
}
