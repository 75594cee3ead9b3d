using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// A store's write connection as <see cref="GroupCommitLogWriter"/> drives it, on its one thread: a transaction per
/// batch (<see cref="Begin"/> allocates sequence numbers under the store's write lock, so they follow commit order),
/// a savepoint per write in it.
/// </summary>
public interface IGroupCommitSession : ILogWriteSession, IDisposable
{
    void Begin();

    /// <summary>Opens the next write's savepoint.</summary>
    WriteMark Mark();

    /// <summary>The write succeeded: its savepoint is released.</summary>
    void Release();

    /// <summary>The write failed: everything since <paramref name="mark"/> is undone, in the store and in the session.</summary>
    void RollbackTo(WriteMark mark);

    /// <summary>Commits the batch: the events it appended, and how many webhook deliveries it queued.</summary>
    (IReadOnlyList<LogEntry> Events, int QueuedWebhooks) Commit();

    /// <summary>Gives the batch up (a failed commit, or a connection gone); safe when no transaction is open.</summary>
    void Rollback();

    /// <summary>
    /// Whether a write's failure says the store cannot be reached (restarting, connection dropped). The first such
    /// failure is what every write of a batch that then cannot commit is told, rather than what the dead connection
    /// says next, so that callers are answered UNAVAILABLE and retry.
    /// </summary>
    bool IsUnreachable(Exception failure);
}
