namespace NotificationExchange.Ccsds.Omm;

/// <summary>The mean elements: angles in degrees, mean motion in rev/day, semi-major axis in km.</summary>
public sealed class MeanElements : CcsdsBlock
{
    public CcsdsTime Epoch { get; set; }
    /// <summary>Given instead of <see cref="MeanMotion"/> by non-SGP4 theories.</summary>
    public double? SemiMajorAxis { get; set; }
    /// <summary>Revolutions per day; mandatory for SGP4-family theories.</summary>
    public double? MeanMotion { get; set; }
    public double Eccentricity { get; set; }
    public double Inclination { get; set; }
    public double RaOfAscNode { get; set; }
    public double ArgOfPericenter { get; set; }
    public double MeanAnomaly { get; set; }
    /// <summary>km**3/s**2.</summary>
    public double? Gm { get; set; }
}
