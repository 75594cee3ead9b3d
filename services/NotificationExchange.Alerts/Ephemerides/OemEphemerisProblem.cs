namespace NotificationExchange.Alerts.Ephemerides;

/// <summary>Why (part of) an OEM cannot be screened: the segment (1-based), the line when the message was read from
/// text, the keyword or item concerned, and what is wrong.</summary>
public sealed record OemEphemerisProblem(int Segment, int? Line, string Field, string Reason)
{
    public override string ToString() => $"segment {Segment}{(Line is { } line ? $", line {line}" : "")}, {Field}: {Reason}";
}
