using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations.Commands;

/// <summary>
/// Opens a consultation. <see cref="AcknowledgeWithin"/> null means the urgency's default. A direct line's ring names
/// the line and comes with the counterpart already accepted.
/// </summary>
public sealed record RequestConsultationCommand(
    string RequestId,
    string OrganizationId,
    IReadOnlyList<string> Counterparts,
    ConsultationAbout About,
    string Subject,
    string Body,
    ConsultationUrgency Urgency,
    TimeSpan? AcknowledgeWithin,
    IReadOnlyList<TimeWindow> ProposedTimes,
    string? DirectLineId = null)
    : ConsultationCommand(RequestId, OrganizationId)
{
    public override string? ConsultationId => null;
}
