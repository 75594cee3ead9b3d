namespace NotificationExchange.Domain.Consultations.Commands;

public sealed record ProposeClosureCommand(
    string RequestId, string OrganizationId, string Consultation, string OutcomeSummary, IReadOnlyList<AgreedAction> Actions)
    : ConsultationCommand(RequestId, OrganizationId)
{
    public override string ConsultationId => Consultation;
}
