namespace NotificationExchange.Ccsds.Oem;

/// <summary>One ephemeris point: position (km), velocity (km/s) and, optionally, acceleration (km/s**2).</summary>
public sealed class OemStateVector : CartesianState
{
    public CcsdsTime Epoch { get; set; }
    public double? XDdot { get; set; }
    public double? YDdot { get; set; }
    public double? ZDdot { get; set; }
}
