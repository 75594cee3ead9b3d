namespace NotificationExchange.Domain.Consultations.Commands;

public sealed record WithdrawConsultationCommand(string RequestId, string OrganizationId, string Consultation, string Reason)
    : ConsultationCommand(RequestId, OrganizationId)
{
    public override string ConsultationId => Consultation;
}
