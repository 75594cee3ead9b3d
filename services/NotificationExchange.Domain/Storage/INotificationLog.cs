using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// The exchange's log of notification events, read side. Sequence numbers are contiguous and follow commit order: once
/// an event with sequence N is visible, every event below N is visible too. An entry whose snapshot cannot be read
/// back is read as an <see cref="UnreadableEvent"/> by the range reads (so that they stay gapless), makes the point
/// reads of that very version throw <see cref="Validation.RuleViolationKind.DataLoss"/>, and is left out of queries;
/// it never fails a read of anything else.
/// </summary>
public interface INotificationLog
{
    /// <summary>Identifies this store, so that events from another deployment sharing a broker can be told apart.</summary>
    Guid StoreId { get; }

    Task<long> GetHeadSequenceAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> entries after <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<LogEntry>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>The entries with sequence in [<paramref name="fromSequence"/>, <paramref name="toSequence"/>], in order.</summary>
    Task<IReadOnlyList<LogEntry>> ReadRangeAsync(long fromSequence, long toSequence, CancellationToken cancellationToken);

    Task<RecordedEvent?> GetLatestAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>
    /// The latest entry of a notification as stored, readable or not (an <see cref="UnreadableEvent"/> keeps the
    /// audience stored beside it); null when there is none. Readers go through <see cref="NotificationAccess"/>, which
    /// checks the audience first.
    /// </summary>
    Task<LogEntry?> GetLatestEntryAsync(string notificationId, CancellationToken cancellationToken);

    Task<RecordedEvent?> GetVersionAsync(string notificationId, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Every version of a notification, oldest first (one that cannot be read back as an <see cref="UnreadableEvent"/>);
    /// empty when there is no such notification.
    /// </summary>
    Task<IReadOnlyList<LogEntry>> GetHistoryAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>The latest versions matching the query that the query's reader may see (their audience in force admits it).</summary>
    Task<NotificationPage> QueryAsync(NotificationQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Notifications whose latest version's embargo ends at or before <paramref name="dueBy"/> (at most
    /// <paramref name="maxCount"/>, soonest first), and the next embargo's end after that (null when none).
    /// </summary>
    Task<DueEmbargoes> GetDueEmbargoesAsync(DateTime dueBy, int maxCount, CancellationToken cancellationToken);

    /// <summary>The content of an attachment of a notification, by its SHA-256; null when there is none.</summary>
    Task<string?> GetAttachmentContentAsync(string notificationId, string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// The request an operator made under a request id (its digest) and the version it made; null when the id is
    /// unused; <see cref="Validation.RuleViolationKind.DataLoss"/> when that version cannot be read back. Read when the
    /// rules refuse a request, so that a retry gets its first answer even where they would now refuse it.
    /// </summary>
    Task<RememberedRequest?> FindRequestAsync(string operatorId, string requestId, CancellationToken cancellationToken);
}

/// <summary>
/// A query over the latest versions of notifications, newest first. Empty lists and nulls match anything, but
/// <see cref="ReaderId"/>: the organisation reading (null for a caller without credentials), whose audience check
/// leaves out what it may not see, before paging, so that a page's size says nothing of what was left out.
/// </summary>
public sealed record NotificationQuery(
    IReadOnlyList<NotificationKind> Kinds,
    int? NoradCatId,
    string? FilingOperator,
    IReadOnlyList<NotificationStatus> Statuses,
    DateTime? ActiveFrom,
    DateTime? ActiveTo,
    int PageSize,
    long? BeforeFirstSequence,
    string? ReaderId)
{
    /// <summary>
    /// The exchange's own work (screening's declared approaches), which reads every notification whatever its audience
    /// and shows none of them to a caller: <see cref="ReaderId"/> is then not asked.
    /// </summary>
    public bool ForTheExchange { get; init; }
}

/// <summary>A page of latest versions; <see cref="NextBeforeFirstSequence"/> is null on the last page.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Notifications, long? NextBeforeFirstSequence);
