namespace NotificationExchange.Ccsds.Opm;

/// <summary>Osculating Keplerian elements of an OPM.</summary>
public sealed class KeplerianElements : CcsdsBlock
{
    public double SemiMajorAxis { get; set; }
    public double Eccentricity { get; set; }
    public double Inclination { get; set; }
    public double RaOfAscNode { get; set; }
    public double ArgOfPericenter { get; set; }
    /// <summary>One of <see cref="TrueAnomaly"/> and <see cref="MeanAnomaly"/> is given.</summary>
    public double? TrueAnomaly { get; set; }
    public double? MeanAnomaly { get; set; }
    public double Gm { get; set; }
}
