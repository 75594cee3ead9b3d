namespace NotificationExchange.Ccsds.Ocm;

/// <summary>A line of an OCM maneuver section: one value per MAN_COMPOSITION field, as written.</summary>
public sealed class OcmManeuverLine
{
    public OcmManeuverLine()
    {
    }

    internal OcmManeuverLine(SourceLocation location) => Location = location;

    /// <summary>Where a reader found this line; null for a line built in code.</summary>
    public SourceLocation? Location { get; }

    public List<string> Values { get; set; } = [];
}
