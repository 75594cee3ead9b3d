namespace NotificationExchange.Transparency.Merkle;

/// <summary>
/// Appends leaves to a tree of stored complete subtrees: each leaf adds its own node and the node of every subtree it
/// completes (its parent when it is a right child, and so on up), so a tree of n leaves stores fewer than 2n nodes and
/// an append reads at most log2 n of them. The new nodes are kept here (and read from here) until the caller stores
/// them with the new size, in one transaction.
/// </summary>
public sealed class TreeAppender(INodeSource stored, long size) : INodeSource
{
    private readonly Dictionary<(int Level, long Index), byte[]> _pending = [];
    private readonly List<TreeNode> _added = [];

    /// <summary>The tree's size with the leaves appended so far.</summary>
    public long Size { get; private set; } = size;

    /// <summary>The nodes the appended leaves added, in the order they were made.</summary>
    public IReadOnlyList<TreeNode> Added => _added;

    public void Append(byte[] leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"a leaf hash is {MerkleHash.Size} bytes, not {leafHash.Length}", nameof(leafHash));
        }
        var index = Size;
        var level = 0;
        var hash = leafHash;
        Add(level, index, hash);
        // A right child (odd index) completes its parent.
        while ((index & 1) == 1)
        {
            hash = MerkleHash.Node(Node(level, index - 1), hash);
            level++;
            index >>= 1;
            Add(level, index, hash);
        }
        Size++;
    }

    public byte[] Node(int level, long index) => _pending.TryGetValue((level, index), out var hash) ? hash : stored.Node(level, index);

    private void Add(int level, long index, byte[] hash)
    {
        _pending[(level, index)] = hash;
        _added.Add(new TreeNode(level, index, hash));
    }
}
