using NotificationExchange.Ccsds.Odm;

namespace NotificationExchange.Ccsds.Oem;

/// <summary>An Orbit Ephemeris Message: one or more segments sharing one time system.</summary>
public sealed class OemMessage
{
    public OdmHeader Header { get; set; } = new();
    public List<OemSegment> Segments { get; set; } = [];
}
