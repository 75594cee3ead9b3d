namespace NotificationExchange.Client.Transparency;

/// <summary>
/// The root of a tree (RFC 9162 MTH) over leaf hashes added left to right, in memory of the order of log2(size)
/// hashes: each leaf is merged with the perfect subtrees of equal size before it, and <see cref="Root"/> merges what
/// remains right to left, which is MTH's split at the largest power of two below the size. An audit of a million
/// leaves needs no list of a million hashes.
/// </summary>
public sealed class MerkleRootBuilder
{
    // Perfect subtrees (hash, number of leaves); sizes strictly decrease from the bottom of the stack.
    private readonly List<(byte[] Hash, ulong Size)> _stack = [];

    public ulong Size { get; private set; }

    public void Add(byte[] leafHash)
    {
        var (hash, size) = (leafHash, 1UL);
        while (_stack.Count > 0 && _stack[^1].Size == size)
        {
            hash = MerkleHashes.NodeHash(_stack[^1].Hash, hash);
            size *= 2;
            _stack.RemoveAt(_stack.Count - 1);
        }
        _stack.Add((hash, size));
        Size++;
    }

    /// <summary>The root of the leaves added so far; of none, the empty tree's.</summary>
    public byte[] Root()
    {
        if (_stack.Count == 0)
        {
            return MerkleHashes.EmptyRoot();
        }
        var root = _stack[^1].Hash;
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            root = MerkleHashes.NodeHash(_stack[i].Hash, root);
        }
        return root;
    }
}
