namespace NotificationExchange.Domain.Notifications;

/// <summary>A new version of a notification, with its place in commit order.</summary>
public sealed record RecordedEvent(
    long Sequence, NotificationEventType Type, DateTime RecordedAt, Notification Notification, MatchKeys Keys)
    : LogEntry(Sequence, Type, RecordedAt)
{
    public override MatchKeys MatchKeys => Keys;
}
