namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>A direct line's change as the log records it; numbered as on the wire (and stored by number).</summary>
public enum DirectLineEventType
{
    Unspecified = 0,
    Proposed = 1,
    Accepted = 2,
}
