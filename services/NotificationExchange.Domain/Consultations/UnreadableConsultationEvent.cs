using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// A consultation's event whose stored snapshot cannot be read back. Its audience is stored apart from the snapshot,
/// so it is still told only to the parties (an audience that cannot be read either admits nobody).
/// </summary>
public sealed record UnreadableConsultationEvent(
    long Sequence, ConsultationEventType Type, DateTime RecordedAt, string ConsultationId, int Version, EventAudience Audience, string Reason)
    : LogEntry(Sequence, RecordedAt)
{
    public override MatchKeys? MatchKeys => null;

    public override EventAudience Audience { get; } = Audience;

    public override bool IsReadable => false;

    public override string ToString() => $"{ConsultationId} version {Version} (sequence {Sequence}) cannot be read back: {Reason}";
}
