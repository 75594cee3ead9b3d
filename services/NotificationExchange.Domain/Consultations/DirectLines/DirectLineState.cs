namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>Where a direct line stands; numbered as on the wire. A line never leaves ACTIVE.</summary>
public enum DirectLineState
{
    Unspecified = 0,
    Proposed = 1,
    Active = 2,
}
