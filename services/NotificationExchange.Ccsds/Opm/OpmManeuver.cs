namespace NotificationExchange.Ccsds.Opm;

/// <summary>
/// One OPM maneuver block: a delta-v applied at MAN_EPOCH_IGNITION over MAN_DURATION seconds (0: impulsive), in
/// MAN_REF_FRAME (an orbit-relative frame such as RTN, RSW, TNW, or an inertial one), in km/s.
/// </summary>
public sealed class OpmManeuver : CcsdsBlock
{
    public CcsdsTime EpochIgnition { get; set; }
    /// <summary>Seconds, not negative. The standard makes it mandatory; files without it are read (as Orekit does) and leave it null.</summary>
    public double? Duration { get; set; }
    /// <summary>kg, not positive. Mandatory by the standard, read leniently like <see cref="Duration"/>.</summary>
    public double? DeltaMass { get; set; }
    public string RefFrame { get; set; } = "RTN";
    public double Dv1 { get; set; }
    public double Dv2 { get; set; }
    public double Dv3 { get; set; }

    public bool IsImpulsive => Duration is null or 0;
}
