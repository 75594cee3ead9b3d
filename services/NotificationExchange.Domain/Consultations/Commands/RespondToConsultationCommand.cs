using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations.Commands;

/// <summary>A counterpart's answer: acknowledge, accept, decline (with a reason) or propose other times.</summary>
public sealed record RespondToConsultationCommand(
    string RequestId,
    string OrganizationId,
    string Consultation,
    ConsultationResponse Response,
    string? Reason,
    IReadOnlyList<TimeWindow> ProposedTimes)
    : ConsultationCommand(RequestId, OrganizationId)
{
    public override string ConsultationId => Consultation;
}
