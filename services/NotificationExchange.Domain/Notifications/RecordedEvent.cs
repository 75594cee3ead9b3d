using NotificationExchange.Domain.Audiences;

namespace NotificationExchange.Domain.Notifications;

/// <summary>A new version of a notification, with its place in commit order.</summary>
public sealed record RecordedEvent(
    long Sequence, NotificationEventType Type, DateTime RecordedAt, Notification Notification, MatchKeys Keys)
    : LogEntry(Sequence, RecordedAt)
{
    public override MatchKeys MatchKeys => Keys;

    /// <summary>Notifications are public until per-notification audiences come.</summary>
    public override EventAudience Audience => EventAudience.Public;
}
