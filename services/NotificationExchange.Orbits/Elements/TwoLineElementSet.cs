namespace NotificationExchange.Orbits.Elements;

/// <summary>
/// A two-line element set as published, with its fields decoded. Units are the TLE's own: degrees, revolutions per
/// day and its derivatives, BSTAR in inverse Earth radii.
/// </summary>
public sealed record TwoLineElementSet
{
    /// <summary>Line 0 of a three-line set, without its leading "0 "; null for the two-line form.</summary>
    public string? Name { get; init; }

    /// <summary>NORAD catalogue number, Alpha-5 decoded (A0000 is 100000, Z9999 is 339999).</summary>
    public required int CatalogNumber { get; init; }

    /// <summary>U, C or S.</summary>
    public required char Classification { get; init; }

    /// <summary>COSPAR international designator (for example 1998-067A); null when the TLE leaves it blank.</summary>
    public string? InternationalDesignator { get; init; }

    /// <summary>Four-digit epoch year (57-99 are 1957-1999, 00-56 are 2000-2056).</summary>
    public required int EpochYear { get; init; }

    /// <summary>Epoch day of year with fraction, 1.0 being 1 January 00:00 UTC.</summary>
    public required double EpochDayOfYear { get; init; }

    /// <summary>First time derivative of the mean motion divided by two, rev/day².</summary>
    public required double MeanMotionDot { get; init; }

    /// <summary>Second time derivative of the mean motion divided by six, rev/day³.</summary>
    public required double MeanMotionDdot { get; init; }

    /// <summary>SGP4 drag term, inverse Earth radii.</summary>
    public required double BStar { get; init; }

    public required int EphemerisType { get; init; }
    public required int ElementSetNumber { get; init; }
    public required double InclinationDeg { get; init; }
    public required double RaanDeg { get; init; }
    public required double Eccentricity { get; init; }
    public required double ArgOfPerigeeDeg { get; init; }
    public required double MeanAnomalyDeg { get; init; }

    /// <summary>Kozai mean motion, revolutions per day.</summary>
    public required double MeanMotionRevPerDay { get; init; }

    public required int RevolutionNumber { get; init; }
    public required string Line1 { get; init; }
    public required string Line2 { get; init; }

    /// <summary>The epoch as a UTC instant (to the 100 ns a <see cref="DateTime"/> holds).</summary>
    public DateTime Epoch =>
        new DateTime(EpochYear, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)Math.Round((EpochDayOfYear - 1.0) * TimeSpan.TicksPerDay));

    /// <summary>Semi-major axis (km) from the mean motion by Kepler's third law, WGS-72 constants.</summary>
    public double SemiMajorAxisKm => EarthConstants.SemiMajorAxisKmFromMeanMotion(MeanMotionRevPerDay);
}
