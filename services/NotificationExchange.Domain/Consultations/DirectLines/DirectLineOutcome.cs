namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>
/// What a direct-line command made: the line as its write left it and the event it recorded, or for a retry the line
/// as its first attempt answered (and no event).
/// </summary>
public sealed record DirectLineOutcome(DirectLine Line, DirectLineRecorded? Recorded)
{
    public bool Replayed => Recorded is null;
}
