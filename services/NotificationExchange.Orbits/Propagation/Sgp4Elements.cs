using NotificationExchange.Orbits.Elements;

namespace NotificationExchange.Orbits.Propagation;

/// <summary>
/// The mean elements SGP4 starts from, whichever way they arrived: a TLE, or the OMM keywords that carry the same
/// numbers (EPOCH, MEAN_MOTION, ECCENTRICITY, INCLINATION, RA_OF_ASC_NODE, ARG_OF_PERICENTER, MEAN_ANOMALY, BSTAR,
/// MEAN_MOTION_DOT, MEAN_MOTION_DDOT). Units are the TLE's: degrees, revolutions per day, BSTAR in inverse Earth radii.
/// The epoch is a UTC Julian date split into a whole part at midnight (x.5) and a day fraction, so that it keeps
/// the precision of the TLE's day-of-year field.
/// </summary>
public sealed record Sgp4Elements
{
    public required int CatalogNumber { get; init; }
    public required double EpochJulianDateWhole { get; init; }
    public required double EpochJulianDateFraction { get; init; }

    /// <summary>Kozai mean motion, revolutions per day.</summary>
    public required double MeanMotionRevPerDay { get; init; }

    public required double Eccentricity { get; init; }
    public required double InclinationDeg { get; init; }
    public required double RaanDeg { get; init; }
    public required double ArgOfPerigeeDeg { get; init; }
    public required double MeanAnomalyDeg { get; init; }
    public required double BStar { get; init; }

    /// <summary>First derivative of mean motion divided by two, rev/day² (carried, not used by SGP4).</summary>
    public double MeanMotionDot { get; init; }

    /// <summary>Second derivative of mean motion divided by six, rev/day³ (carried, not used by SGP4).</summary>
    public double MeanMotionDdot { get; init; }

    /// <summary>The epoch as a UTC instant, to the 100 ns a <see cref="DateTime"/> holds.</summary>
    public DateTime Epoch => Time.JulianDate.ToDateTime(EpochJulianDateWhole, EpochJulianDateFraction);

    public static Sgp4Elements FromTle(TwoLineElementSet tle)
    {
        var yearStart = Time.JulianDate.FromCalendarDate(tle.EpochYear, 1, 1);
        var daysIntoYear = tle.EpochDayOfYear - 1.0;
        var wholeDays = Math.Floor(daysIntoYear);
        return new Sgp4Elements
        {
            CatalogNumber = tle.CatalogNumber,
            EpochJulianDateWhole = yearStart + wholeDays,
            EpochJulianDateFraction = daysIntoYear - wholeDays,
            MeanMotionRevPerDay = tle.MeanMotionRevPerDay,
            Eccentricity = tle.Eccentricity,
            InclinationDeg = tle.InclinationDeg,
            RaanDeg = tle.RaanDeg,
            ArgOfPerigeeDeg = tle.ArgOfPerigeeDeg,
            MeanAnomalyDeg = tle.MeanAnomalyDeg,
            BStar = tle.BStar,
            MeanMotionDot = tle.MeanMotionDot,
            MeanMotionDdot = tle.MeanMotionDdot,
        };
    }

    /// <summary>Mean elements given field by field, as an OMM carries them (EPOCH as a UTC instant).</summary>
    public static Sgp4Elements FromMeanElements(
        int catalogNumber, DateTime epochUtc, double meanMotionRevPerDay, double eccentricity, double inclinationDeg,
        double raanDeg, double argOfPerigeeDeg, double meanAnomalyDeg, double bStar, double meanMotionDot = 0.0,
        double meanMotionDdot = 0.0)
    {
        var (whole, fraction) = Time.JulianDate.FromDateTime(epochUtc);
        return new Sgp4Elements
        {
            CatalogNumber = catalogNumber,
            EpochJulianDateWhole = whole,
            EpochJulianDateFraction = fraction,
            MeanMotionRevPerDay = meanMotionRevPerDay,
            Eccentricity = eccentricity,
            InclinationDeg = inclinationDeg,
            RaanDeg = raanDeg,
            ArgOfPerigeeDeg = argOfPerigeeDeg,
            MeanAnomalyDeg = meanAnomalyDeg,
            BStar = bStar,
            MeanMotionDot = meanMotionDot,
            MeanMotionDdot = meanMotionDdot,
        };
    }
}
