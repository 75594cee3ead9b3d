using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations;

/// <summary>A consultation's state change with its place in the log. Only the consultation's parties may see it.</summary>
public sealed record ConsultationRecorded(long Sequence, ConsultationEventType Type, DateTime RecordedAt, ConsultationChange Change)
    : LogEntry(Sequence, RecordedAt)
{
    public Consultation Consultation => Change.Consultation;

    public override MatchKeys? MatchKeys => null;

    public override EventAudience Audience => Change.Consultation.Audience;
}
