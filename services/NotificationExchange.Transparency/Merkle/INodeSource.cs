namespace NotificationExchange.Transparency.Merkle;

/// <summary>
/// The stored hashes of a tree's complete subtrees: the node at <c>level</c> and <c>index</c> is the root of the
/// 2^level leaves from index·2^level, level 0 being the leaf hashes. A tree of n leaves has every such node whose leaves
/// are all below n, and no other; they never change once stored (the tree only grows).
/// </summary>
public interface INodeSource
{
    byte[] Node(int level, long index);
}
