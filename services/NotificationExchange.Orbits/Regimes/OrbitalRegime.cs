namespace NotificationExchange.Orbits.Regimes;

public enum OrbitalRegime
{
    Leo = 1,
    Meo = 2,
    Geo = 3,
    Heo = 4,
}

/// <summary>
/// Sorts an orbit into the regimes operators filter by. Boundaries: LEO has its apogee at most 2,000 km up; GEO has a
/// mean altitude within 1,000 km of the geostationary 35,786 km, eccentricity below 0.05 and inclination up to 25°
/// (so inclined geosynchronous and graveyard orbits count); HEO has eccentricity 0.25 or more (Molniya, Tundra, GTO);
/// MEO is every other orbit.
/// </summary>
public static class OrbitalRegimeClassifier
{
    public const double LeoMaxApogeeAltitudeKm = 2000.0;
    public const double GeoAltitudeToleranceKm = 1000.0;
    public const double GeoMaxEccentricity = 0.05;
    public const double GeoMaxInclinationDeg = 25.0;
    public const double HeoMinEccentricity = 0.25;

    public static OrbitalRegime Classify(double semiMajorAxisKm, double eccentricity, double inclinationDeg)
    {
        var apogeeAltitude = semiMajorAxisKm * (1.0 + eccentricity) - EarthConstants.EquatorialRadiusKm;
        var meanAltitude = semiMajorAxisKm - EarthConstants.EquatorialRadiusKm;
        if (apogeeAltitude <= LeoMaxApogeeAltitudeKm)
        {
            return OrbitalRegime.Leo;
        }
        if (Math.Abs(meanAltitude - EarthConstants.GeostationaryAltitudeKm) <= GeoAltitudeToleranceKm
            && eccentricity < GeoMaxEccentricity
            && inclinationDeg <= GeoMaxInclinationDeg)
        {
            return OrbitalRegime.Geo;
        }
        return eccentricity >= HeoMinEccentricity ? OrbitalRegime.Heo : OrbitalRegime.Meo;
    }

    public static OrbitalRegime ClassifyByAltitudes(double perigeeAltitudeKm, double apogeeAltitudeKm, double inclinationDeg)
    {
        var perigeeRadius = perigeeAltitudeKm + EarthConstants.EquatorialRadiusKm;
        var apogeeRadius = apogeeAltitudeKm + EarthConstants.EquatorialRadiusKm;
        var semiMajorAxis = (perigeeRadius + apogeeRadius) / 2.0;
        var eccentricity = (apogeeRadius - perigeeRadius) / (apogeeRadius + perigeeRadius);
        return Classify(semiMajorAxis, eccentricity, inclinationDeg);
    }
}
