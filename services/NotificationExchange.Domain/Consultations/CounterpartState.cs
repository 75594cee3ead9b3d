namespace NotificationExchange.Domain.Consultations;

/// <summary>Where one counterpart stands; numbered as on the wire.</summary>
public enum CounterpartState
{
    Unspecified = 0,
    AwaitingAcknowledgement = 1,
    Acknowledged = 2,
    Accepted = 3,
    Declined = 4,
    ProposedTime = 5,
}
