using NotificationExchange.Domain.Audiences;

namespace NotificationExchange.Domain.Notifications;

/// <summary>A new version of a notification, with its place in commit order.</summary>
public sealed record RecordedEvent(
    long Sequence, NotificationEventType Type, DateTime RecordedAt, Notification Notification, MatchKeys Keys)
    : LogEntry(Sequence, RecordedAt)
{
    public override MatchKeys MatchKeys => Keys;

    /// <summary>The version's audience in force (its embargo's while one holds), fixed when the entry was written.</summary>
    public override EventAudience Audience => Notification.InForce;
}
