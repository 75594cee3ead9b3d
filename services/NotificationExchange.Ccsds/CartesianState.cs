namespace NotificationExchange.Ccsds;

/// <summary>A Cartesian position (km) and velocity (km/s): the state OPM, OEM and CDM give, under the same keywords.</summary>
public abstract class CartesianState : CcsdsBlock
{
    public double X { get; set; }
    public double Y { get; set; }
    public double Z { get; set; }
    public double XDot { get; set; }
    public double YDot { get; set; }
    public double ZDot { get; set; }
}
