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
    /// <summary>Entries from <paramref name="fromSequence"/> on, in order, with their commitments as stored.</summary>
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
