namespace NotificationExchange.Domain.Consultations;

/// <summary>A consultation's state change as the log records it; numbered as on the wire (and stored by number).</summary>
public enum ConsultationEventType
{
    Unspecified = 0,
    Requested = 1,
    Acknowledged = 2,
    Accepted = 3,
    Declined = 4,
    TimeProposed = 5,
    Withdrawn = 6,
    Escalated = 7,
    ClosureProposed = 8,
    ClosureConfirmed = 9,
    ClosureContested = 10,
    Closed = 11,
}
