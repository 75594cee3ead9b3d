namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// A screening volume around the primary: an ellipsoid with half-axes along the primary's radial, in-track and
/// cross-track directions (km), or a sphere when the three are equal.
/// </summary>
public sealed record ScreeningVolume(double RadialKm, double InTrackKm, double CrossTrackKm)
{
    /// <summary>The radius of the smallest sphere around the ellipsoid: the distance every filter must respect.</summary>
    public double BoundingRadiusKm => Math.Max(RadialKm, Math.Max(InTrackKm, CrossTrackKm));

    public static ScreeningVolume Sphere(double radiusKm) => new(radiusKm, radiusKm, radiusKm);

    /// <summary>
    /// The sizes Space-Track screens the public catalogue with, taken as half-axes (radial x in-track x
    /// cross-track): near-Earth (period under 225 min) by perigee altitude, up to 500 km 0.4 x 44 x 51, to 750 km
    /// 0.4 x 25 x 25, to 1,200 km 0.4 x 12 x 12, to 2,000 km 0.4 x 2 x 2; deep space 10 x 10 x 10.
    /// Near-Earth orbits with perigees above 2,000 km (rare) get the deep-space size.
    /// </summary>
    public static ScreeningVolume SpaceTrackDefault(double perigeeAltitudeKm, bool deepSpace)
    {
        if (deepSpace || perigeeAltitudeKm > 2000.0)
        {
            return DeepSpace;
        }
        return perigeeAltitudeKm switch
        {
            <= 500.0 => new ScreeningVolume(0.4, 44.0, 51.0),
            <= 750.0 => new ScreeningVolume(0.4, 25.0, 25.0),
            <= 1200.0 => new ScreeningVolume(0.4, 12.0, 12.0),
            _ => new ScreeningVolume(0.4, 2.0, 2.0),
        };
    }

    public static readonly ScreeningVolume DeepSpace = new(10.0, 10.0, 10.0);

    /// <summary>(r/a)² + (i/b)² + (c/d)² for a miss given in radial/in-track/cross-track components: inside at or below 1.</summary>
    public double NormalisedDistanceSquared(double radialKm, double inTrackKm, double crossTrackKm)
    {
        var r = radialKm / RadialKm;
        var i = inTrackKm / InTrackKm;
        var c = crossTrackKm / CrossTrackKm;
        return r * r + i * i + c * c;
    }
}
