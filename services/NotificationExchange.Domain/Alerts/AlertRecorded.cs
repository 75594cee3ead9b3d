using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Alerts;

/// <summary>An alert's change with its place in the log; only the alert's parties may see it.</summary>
public sealed record AlertRecorded(long Sequence, AlertEventType Type, DateTime RecordedAt, AlertChange Change)
    : LogEntry(Sequence, RecordedAt)
{
    public Alert Alert => Change.Alert;

    public override MatchKeys? MatchKeys => null;

    public override EventAudience Audience => Change.Alert.Audience;
}
