using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>
/// A direct line's event whose stored snapshot cannot be read back. Its audience is stored apart from the snapshot,
/// so it is still told only to the line's two sides (an audience that cannot be read admits nobody).
/// </summary>
public sealed record UnreadableDirectLineEvent(
    long Sequence, DirectLineEventType Type, DateTime RecordedAt, string DirectLineId, int Version, EventAudience Audience, string Reason)
    : LogEntry(Sequence, RecordedAt)
{
    public override MatchKeys? MatchKeys => null;

    public override EventAudience Audience { get; } = Audience;

    public override bool IsReadable => false;

    public override string ToString() => $"{DirectLineId} version {Version} (sequence {Sequence}) cannot be read back: {Reason}";
}
