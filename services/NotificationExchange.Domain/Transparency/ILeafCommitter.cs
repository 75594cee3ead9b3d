using NotificationExchange.Domain.Notifications;
using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Domain.Transparency;

/// <summary>
/// Commits each entry as it enters the log: the store calls it for every entry it appends, inside the write that
/// records it, so no entry is committed apart from its row. Absent (or answering null) when the transparency log is
/// switched off; such entries are committed at the next start with it on.
/// </summary>
public interface ILeafCommitter
{
    /// <summary>The entry's commitment; throws as <see cref="Storage.IEventRenderer.Render"/> does when it cannot be rendered.</summary>
    EntryCommitment? Commit(LogEntry entry);
}
