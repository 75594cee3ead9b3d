namespace NotificationExchange.Ccsds.Cdm;

/// <summary>
/// What the CDM says about the pair: time and distance of closest approach, the relative state at TCA in the RTN frame
/// of object 1 (m, m/s), the screening period and volume, and the collision probability.
/// </summary>
public sealed class CdmRelativeMetadata : CcsdsBlock
{
    /// <summary>UTC.</summary>
    public CcsdsTime Tca { get; set; }
    /// <summary>Metres.</summary>
    public double MissDistance { get; set; }
    /// <summary>m/s.</summary>
    public double? RelativeSpeed { get; set; }
    public double? RelativePositionR { get; set; }
    public double? RelativePositionT { get; set; }
    public double? RelativePositionN { get; set; }
    public double? RelativeVelocityR { get; set; }
    public double? RelativeVelocityT { get; set; }
    public double? RelativeVelocityN { get; set; }
    public CcsdsTime? StartScreenPeriod { get; set; }
    public CcsdsTime? StopScreenPeriod { get; set; }
    /// <summary>RTN or TVN.</summary>
    public string? ScreenVolumeFrame { get; set; }
    /// <summary>ELLIPSOID or BOX.</summary>
    public string? ScreenVolumeShape { get; set; }
    /// <summary>Metres, along the first axis of <see cref="ScreenVolumeFrame"/> (radial for RTN).</summary>
    public double? ScreenVolumeX { get; set; }
    public double? ScreenVolumeY { get; set; }
    public double? ScreenVolumeZ { get; set; }
    public CcsdsTime? ScreenEntryTime { get; set; }
    public CcsdsTime? ScreenExitTime { get; set; }
    /// <summary>Between 0 and 1.</summary>
    public double? CollisionProbability { get; set; }
    public string? CollisionProbabilityMethod { get; set; }
}
