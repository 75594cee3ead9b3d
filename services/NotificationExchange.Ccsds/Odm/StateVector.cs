namespace NotificationExchange.Ccsds.Odm;

/// <summary>A Cartesian state at an epoch: position (km) and velocity (km/s).</summary>
public sealed class StateVector : CartesianState
{
    public CcsdsTime Epoch { get; set; }
}
