using NotificationExchange.Domain.Audiences;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// An entry of the log whose stored snapshot cannot be read back (written by an earlier version with a value this one
/// refuses, or damaged). Its content is never served; readers are told that this sequence exists, which notification
/// it belongs to, and why it cannot be read, and everything else stays readable.
/// </summary>
public sealed record UnreadableEvent(
    long Sequence, NotificationEventType Type, DateTime RecordedAt, string NotificationId, int Version, MatchKeys? Keys, string Reason)
    : LogEntry(Sequence, RecordedAt)
{
    public override MatchKeys? MatchKeys => Keys;

    /// <summary>The audience stored beside the entry (public for rows written before audiences).</summary>
    public EventAudience StoredAudience { get; init; } = EventAudience.Public;

    public override EventAudience Audience => StoredAudience;

    public override bool IsReadable => false;

    public override string ToString() => $"{NotificationId} version {Version} (sequence {Sequence}) cannot be read back: {Reason}";
}
