using System.Text.Json.Serialization;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Domain.Notifications;

/// <summary>An orbit as a notice gives it: mean elements or a TLE.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "form")]
[JsonDerivedType(typeof(MeanElementsOrbit), "mean_elements")]
[JsonDerivedType(typeof(TleOrbit), "tle")]
public abstract record OrbitSpec
{
    /// <summary>The regime of a valid orbit.</summary>
    public abstract OrbitalRegime Regime();
}

/// <summary>Mean elements; size and shape as semi-major axis and eccentricity, or as apogee and perigee altitudes.</summary>
public sealed record MeanElementsOrbit(
    DateTime? Epoch,
    double? SemiMajorAxisKm,
    double? Eccentricity,
    double? ApogeeAltitudeKm,
    double? PerigeeAltitudeKm,
    double InclinationDeg,
    double RaanDeg,
    double ArgOfPerigeeDeg,
    double MeanAnomalyDeg) : OrbitSpec
{
    [JsonIgnore]
    public bool GivesSemiMajorAxis => SemiMajorAxisKm is not null || Eccentricity is not null;
    [JsonIgnore]
    public bool GivesApsides => ApogeeAltitudeKm is not null || PerigeeAltitudeKm is not null;

    /// <summary>Perigee and apogee altitudes above the WGS-72 equatorial radius, from whichever size and shape the elements give.</summary>
    public (double PerigeeKm, double ApogeeKm) AltitudesKm() => GivesSemiMajorAxis
        ? ((SemiMajorAxisKm ?? 0) * (1 - (Eccentricity ?? 0)) - EarthConstants.EquatorialRadiusKm,
            (SemiMajorAxisKm ?? 0) * (1 + (Eccentricity ?? 0)) - EarthConstants.EquatorialRadiusKm)
        : (PerigeeAltitudeKm ?? 0, ApogeeAltitudeKm ?? 0);

    public override OrbitalRegime Regime() => GivesSemiMajorAxis
        ? OrbitalRegimeClassifier.Classify(SemiMajorAxisKm ?? 0, Eccentricity ?? 0, InclinationDeg)
        : OrbitalRegimeClassifier.ClassifyByAltitudes(PerigeeAltitudeKm ?? 0, ApogeeAltitudeKm ?? 0, InclinationDeg);
}

public sealed record TleOrbit(string Line1, string Line2) : OrbitSpec
{
    public TwoLineElementSet Parse() => TleParser.Parse(Line1, Line2);

    public override OrbitalRegime Regime()
    {
        var tle = Parse();
        return OrbitalRegimeClassifier.Classify(
            EarthConstants.SemiMajorAxisKmFromMeanMotion(tle.MeanMotionRevPerDay), tle.Eccentricity, tle.InclinationDeg);
    }
}
