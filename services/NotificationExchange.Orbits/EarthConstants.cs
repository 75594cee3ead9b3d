namespace NotificationExchange.Orbits;

/// <summary>WGS-72 constants, the ones SGP4 and the public catalogue's element sets are defined with.</summary>
public static class EarthConstants
{
    /// <summary>Equatorial radius, km.</summary>
    public const double EquatorialRadiusKm = 6378.135;

    /// <summary>Gravitational parameter, km³/s².</summary>
    public const double MuKm3PerS2 = 398600.8;

    /// <summary>Altitude of the geostationary orbit above the equatorial radius, km.</summary>
    public const double GeostationaryAltitudeKm = 35786.0;

    public const double SecondsPerDay = 86400.0;

    /// <summary>Semi-major axis (km) of an orbit with the given mean motion (revolutions per day).</summary>
    public static double SemiMajorAxisKmFromMeanMotion(double revPerDay)
    {
        var radPerSecond = revPerDay * 2.0 * Math.PI / SecondsPerDay;
        return Math.Cbrt(MuKm3PerS2 / (radPerSecond * radPerSecond));
    }

    /// <summary>Mean motion (revolutions per day) of an orbit with the given semi-major axis (km): the inverse of
    /// <see cref="SemiMajorAxisKmFromMeanMotion"/>.</summary>
    public static double MeanMotionFromSemiMajorAxisKm(double semiMajorAxisKm) =>
        Math.Sqrt(MuKm3PerS2 / (semiMajorAxisKm * semiMajorAxisKm * semiMajorAxisKm)) * SecondsPerDay / (2.0 * Math.PI);
}
