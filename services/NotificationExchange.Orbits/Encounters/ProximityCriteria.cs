using NotificationExchange.Orbits.Regimes;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// What makes an approach worth flagging as a possible unannounced proximity operation: the pair comes within
/// <see cref="DistanceKm"/> and either stays there for <see cref="MinimumDwell"/> or more, or meets at a relative speed
/// below <see cref="LowRelativeSpeedKmPerS"/>. Ordinary conjunctions are brief and fast (LEO: seconds at km/s);
/// a deliberate approach co-orbits, slowly. The per-regime values are argued in docs/orbits.md (Unannounced approaches).
/// </summary>
public sealed record ProximityCriteria
{
    public ProximityCriteria(double distanceKm, double lowRelativeSpeedKmPerS, TimeSpan minimumDwell)
    {
        if (!(distanceKm > 0.0) || !double.IsFinite(distanceKm))
        {
            throw new ArgumentOutOfRangeException(nameof(distanceKm), distanceKm, "the proximity distance must be a positive number of km");
        }
        if (!(lowRelativeSpeedKmPerS >= 0.0) || !double.IsFinite(lowRelativeSpeedKmPerS))
        {
            throw new ArgumentOutOfRangeException(nameof(lowRelativeSpeedKmPerS), lowRelativeSpeedKmPerS,
                "the low relative speed threshold must be zero or a positive number of km/s");
        }
        if (minimumDwell < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumDwell), minimumDwell, "the minimum dwell cannot be negative");
        }
        DistanceKm = distanceKm;
        LowRelativeSpeedKmPerS = lowRelativeSpeedKmPerS;
        MinimumDwell = minimumDwell;
    }

    public double DistanceKm { get; }
    public double LowRelativeSpeedKmPerS { get; }
    public TimeSpan MinimumDwell { get; }

    /// <summary>LEO: 5 km; below 100 m/s, or 10 minutes within.</summary>
    public static ProximityCriteria Leo { get; } = new(5.0, 0.100, TimeSpan.FromMinutes(10));

    /// <summary>MEO (navigation constellations): 20 km; below 30 m/s, or an hour within.</summary>
    public static ProximityCriteria Meo { get; } = new(20.0, 0.030, TimeSpan.FromHours(1));

    /// <summary>HEO (Molniya, Tundra, GTO): 20 km; below 50 m/s, or 30 minutes within.</summary>
    public static ProximityCriteria Heo { get; } = new(20.0, 0.050, TimeSpan.FromMinutes(30));

    /// <summary>GEO: 50 km; below 5 m/s, or two hours within.</summary>
    public static ProximityCriteria Geo { get; } = new(50.0, 0.005, TimeSpan.FromHours(2));

    public static ProximityCriteria ForRegime(OrbitalRegime regime) => regime switch
    {
        OrbitalRegime.Leo => Leo,
        OrbitalRegime.Meo => Meo,
        OrbitalRegime.Geo => Geo,
        OrbitalRegime.Heo => Heo,
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "not an orbital regime"),
    };

    /// <summary>The criteria for the regime of the object to protect (from its first element set's mean elements).</summary>
    public static ProximityCriteria For(Trajectory protectedObject)
    {
        var elements = protectedObject.InitialPropagator.Elements;
        return ForRegime(OrbitalRegimeClassifier.Classify(
            EarthConstants.SemiMajorAxisKmFromMeanMotion(elements.MeanMotionRevPerDay), elements.Eccentricity, elements.InclinationDeg));
    }
}
