namespace NotificationExchange.Client.Transparency;

/// <summary>
/// RFC 9162 proof verification, implemented from the RFC's own algorithms: section 2.1.3.2 (inclusion) and 2.1.4.2
/// (consistency). Both are pure: they take hashes and sizes and say whether the proof holds; they never throw for a
/// malformed proof (wrong length, index out of range), they refuse it.
/// </summary>
public static class MerkleProofs
{
    /// <summary>Whether <paramref name="auditPath"/> proves that the leaf of <paramref name="leafHash"/> is at
    /// <paramref name="leafIndex"/> in the tree of <paramref name="treeSize"/> leaves whose root is
    /// <paramref name="rootHash"/> (RFC 9162 section 2.1.3.2).</summary>
    public static bool VerifyInclusion(ulong leafIndex, ulong treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> auditPath, ReadOnlySpan<byte> rootHash)
    {
        // 1. Compare leaf_index against tree_size. If leaf_index is greater than or equal to tree_size, fail.
        if (leafIndex >= treeSize)
        {
            return false;
        }
        // 2. Set fn to leaf_index and sn to tree_size - 1.
        var fn = leafIndex;
        var sn = treeSize - 1;
        // 3. Set r to hash.
        var r = leafHash.ToArray();
        // 4. For each value p in the inclusion_path array:
        foreach (var p in auditPath)
        {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0)
            {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn)
            {
                // i. Set r to HASH(0x01 || p || r).
                r = MerkleHashes.NodeHash(p, r);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                // Otherwise: set r to HASH(0x01 || r || p).
                r = MerkleHashes.NodeHash(r, p);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are equal,
        // then the log has proven the inclusion of hash. Otherwise, fail the proof verification.
        return sn == 0 && r.AsSpan().SequenceEqual(rootHash);
    }

    /// <summary>Whether <paramref name="path"/> proves that the tree of <paramref name="firstSize"/> leaves and root
    /// <paramref name="firstRoot"/> is a prefix of the tree of <paramref name="secondSize"/> leaves and root
    /// <paramref name="secondRoot"/> (RFC 9162 section 2.1.4.2). Equal sizes hold with an empty path and equal roots;
    /// the empty tree is a prefix of every tree.</summary>
    public static bool VerifyConsistency(ulong firstSize, ulong secondSize, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> path)
    {
        if (firstSize > secondSize)
        {
            return false;
        }
        if (firstSize == secondSize)
        {
            // Section 2.1.4.1: the proof between a tree and itself is empty; the heads must then agree.
            return path.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }
        if (firstSize == 0)
        {
            // Every tree extends the empty one; there is nothing to prove.
            return path.Count == 0;
        }
        // 1. If consistency_path is an empty array, stop and fail the proof verification.
        if (path.Count == 0)
        {
            return false;
        }
        // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
        var nodes = new List<byte[]>(path.Count + 1);
        if ((firstSize & (firstSize - 1)) == 0)
        {
            nodes.Add(firstRoot.ToArray());
        }
        nodes.AddRange(path);
        // 3. Set fn to first - 1 and sn to second - 1.
        var fn = firstSize - 1;
        var sn = secondSize - 1;
        // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Set both fr and sr to the first value in the consistency_path array.
        var fr = nodes[0];
        var sr = nodes[0];
        // 6. For each subsequent value c in the consistency_path array:
        foreach (var c in nodes.Skip(1))
        {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0)
            {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn)
            {
                // i. Set fr to HASH(0x01 || c || fr). Set sr to HASH(0x01 || c || sr).
                fr = MerkleHashes.NodeHash(c, fr);
                sr = MerkleHashes.NodeHash(c, sr);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                // Otherwise: set sr to HASH(0x01 || sr || c).
                sr = MerkleHashes.NodeHash(sr, c);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 7. After completing iterating through the consistency_path array as described above, verify that the fr
        // calculated is equal to the first_hash supplied, that the sr calculated is equal to the second_hash
        // supplied, and that sn is 0.
        return fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot) && sn == 0;
    }
}
