using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Domain.Transparency;

/// <summary>
/// Reads the stored hashes of the tree's complete subtrees (level 0 the leaves) on one connection, for the few reads a
/// root or a proof makes. A node the tree does not reach is an InvalidOperationException.
/// </summary>
public interface ITreeNodeReader : INodeSource, IDisposable;
