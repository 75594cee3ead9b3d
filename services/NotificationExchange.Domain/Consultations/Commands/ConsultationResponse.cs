namespace NotificationExchange.Domain.Consultations.Commands;

/// <summary>How a counterpart answers a request.</summary>
public enum ConsultationResponse
{
    Acknowledge,
    Accept,
    Decline,
    ProposeTime,
}
