namespace NotificationExchange.Domain.Consultations;

/// <summary>Where a consultation stands; numbered as on the wire. Closed, Withdrawn and Declined are final.</summary>
public enum ConsultationState
{
    Unspecified = 0,
    Requested = 1,
    Open = 2,
    Closing = 3,
    Closed = 4,
    Withdrawn = 5,
    Declined = 6,
}
