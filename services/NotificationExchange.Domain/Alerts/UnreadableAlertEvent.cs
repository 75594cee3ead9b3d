using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// An alert's event whose stored snapshot cannot be read back. Its audience is stored apart from the snapshot, so it is
/// still told only to the alert's parties (an audience that cannot be read admits nobody).
/// </summary>
public sealed record UnreadableAlertEvent(
    long Sequence, AlertEventType Type, DateTime RecordedAt, string AlertId, int Version, EventAudience Audience, string Reason)
    : LogEntry(Sequence, RecordedAt)
{
    public override MatchKeys? MatchKeys => null;

    public override EventAudience Audience { get; } = Audience;

    public override bool IsReadable => false;

    public override string ToString() => $"{AlertId} version {Version} (sequence {Sequence}) cannot be read back: {Reason}";
}
