namespace NotificationExchange.Domain.Consultations.Commands;

public sealed record ConfirmClosureCommand(string RequestId, string OrganizationId, string Consultation)
    : ConsultationCommand(RequestId, OrganizationId)
{
    public override string ConsultationId => Consultation;
}
