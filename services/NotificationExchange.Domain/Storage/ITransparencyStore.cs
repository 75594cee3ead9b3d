using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Transparency.Heads;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// The transparency log's reads: the entries' stored commitments, the tree's stored complete subtrees, and the signed
/// tree heads. Its writes go through the log writer (<see cref="ILogWriteSession"/>: the tree follows the log under a
/// leased work cursor, and commitments are stored in the entries' rows).
/// </summary>
public interface ITransparencyStore
{
    /// <summary>The work cursor the tree builder leases: its position is the number of leaves in the stored tree.</summary>
    const string TreeCursor = "transparency-tree";

    /// <summary>The entries of sequences <paramref name="fromSequence"/> to <paramref name="fromSequence"/> +
    /// <paramref name="maxCount"/> - 1, in order, with their commitments as stored. A sequence missing from the store is
    /// absent, never stood in for by a later one (a proof for it must not carry another entry's commitment).</summary>
    Task<IReadOnlyList<StoredLeaf>> ReadLeavesAsync(long fromSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>Entries after <paramref name="afterSequence"/> that have no commitment yet, in order.</summary>
    Task<IReadOnlyList<LogEntry>> ReadUncommittedAsync(long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>How many leaves the stored tree holds (the position of its work cursor).</summary>
    Task<long> GetTreeSizeAsync(CancellationToken cancellationToken);

    /// <summary>Opens a reader of the stored tree's nodes.</summary>
    ITreeNodeReader OpenTreeNodes();

    /// <summary>The newest signed head; null when none has been signed.</summary>
    Task<TreeHead?> GetLatestHeadAsync(CancellationToken cancellationToken);

    /// <summary>The head signed for this size; null when none was.</summary>
    Task<TreeHead?> GetHeadAsync(long treeSize, CancellationToken cancellationToken);
}
