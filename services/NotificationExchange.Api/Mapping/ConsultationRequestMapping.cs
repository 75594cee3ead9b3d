using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Commands;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Consultation requests to their commands, field by field; nothing is checked here (<see cref="ConsultationCommandValidation"/> does).</summary>
internal static class ConsultationRequestMapping
{
    public static RequestConsultationCommand ToCommand(this P.RequestConsultationRequest request, string organizationId) => new(
        request.RequestId,
        organizationId,
        request.Counterparts.ToArray(),
        request.AboutCase switch
        {
            P.RequestConsultationRequest.AboutOneofCase.NotificationId => new ConsultationAbout(NotificationId: request.NotificationId),
            P.RequestConsultationRequest.AboutOneofCase.Topic => new ConsultationAbout(Topic: request.Topic),
            P.RequestConsultationRequest.AboutOneofCase.AlertId => new ConsultationAbout(AlertId: request.AlertId),
            _ => new ConsultationAbout(),
        },
        request.Subject,
        request.Body,
        (ConsultationUrgency)request.Urgency,
        request.AcknowledgeWithin is null ? null : WireScalars.Duration(request.AcknowledgeWithin),
        request.ProposedTimes.Select(t => t.ToDomain()).ToArray());

    public static RespondToConsultationCommand ToCommand(this P.AcknowledgeConsultationRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId, ConsultationResponse.Acknowledge, null, []);

    public static RespondToConsultationCommand ToCommand(this P.AcceptConsultationRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId, ConsultationResponse.Accept, null, []);

    public static RespondToConsultationCommand ToCommand(this P.DeclineConsultationRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId, ConsultationResponse.Decline, request.Reason, []);

    public static RespondToConsultationCommand ToCommand(this P.ProposeTimeRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId, ConsultationResponse.ProposeTime, null, request.ProposedTimes.Select(t => t.ToDomain()).ToArray());

    public static WithdrawConsultationCommand ToCommand(this P.WithdrawConsultationRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId, request.Reason);

    public static ProposeClosureCommand ToCommand(this P.ProposeClosureRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId, request.OutcomeSummary, request.Actions.Select(a => a.ToDomain()).ToArray());

    public static ConfirmClosureCommand ToCommand(this P.ConfirmClosureRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId);

    public static ContestClosureCommand ToCommand(this P.ContestClosureRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.ConsultationId, request.Reason);
}
