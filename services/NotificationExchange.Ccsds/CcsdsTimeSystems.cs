namespace NotificationExchange.Ccsds;

/// <summary>The CCSDS time systems (SANA registry) and conversion of absolute epochs to UTC where that needs no external data.</summary>
public static class CcsdsTimeSystems
{
    public const string Utc = "UTC";
    public const string Tai = "TAI";
    public const string Tt = "TT";
    public const string Gps = "GPS";
    public const string Tdb = "TDB";

    private static readonly HashSet<string> _known =
    [
        "UTC", "TAI", "TT", "GPS", "TDB", "TCB", "TCG", "UT1", "GMST", "GST", "BDT", "QZSST", "IRNSST", "TIME", "MET", "MRT", "SCLK",
    ];

    // Epochs counted from a mission-specific origin rather than a calendar: their dates are elapsed times.
    private static readonly HashSet<string> _relative = ["MET", "MRT", "SCLK"];

    // TAI - UTC from each date on (IERS Bulletin C); 37 s since 2017-01-01.
    private static readonly (DateTime From, int Seconds)[] _leapSeconds =
    [
        (new(1972, 1, 1), 10), (new(1972, 7, 1), 11), (new(1973, 1, 1), 12), (new(1974, 1, 1), 13), (new(1975, 1, 1), 14),
        (new(1976, 1, 1), 15), (new(1977, 1, 1), 16), (new(1978, 1, 1), 17), (new(1979, 1, 1), 18), (new(1980, 1, 1), 19),
        (new(1981, 7, 1), 20), (new(1982, 7, 1), 21), (new(1983, 7, 1), 22), (new(1985, 7, 1), 23), (new(1988, 1, 1), 24),
        (new(1990, 1, 1), 25), (new(1991, 1, 1), 26), (new(1992, 7, 1), 27), (new(1993, 7, 1), 28), (new(1994, 7, 1), 29),
        (new(1996, 1, 1), 30), (new(1997, 7, 1), 31), (new(1999, 1, 1), 32), (new(2006, 1, 1), 33), (new(2009, 1, 1), 34),
        (new(2012, 7, 1), 35), (new(2015, 7, 1), 36), (new(2017, 1, 1), 37),
    ];

    // The days a leap second ended (23:59:60 UTC): the day before each step of the table after its first entry, which
    // is where UTC began counting whole seconds from TAI (10 s), not a leap second.
    private static readonly HashSet<DateOnly> _leapSecondDays = [.. _leapSeconds.Skip(1).Select(step => DateOnly.FromDateTime(step.From).AddDays(-1))];

    public static IReadOnlyCollection<string> Known => _known;

    /// <summary>The last day of the table that ended with a leap second (2016-12-31 with the table as it stands).</summary>
    public static DateOnly LastTabulatedLeapSecondDay { get; } = _leapSecondDays.Max();

    /// <summary>Whether UTC had a leap second (23:59:60) at the end of <paramref name="day"/>, by the leap-second table.</summary>
    public static bool EndsWithLeapSecond(DateOnly day) => _leapSecondDays.Contains(day);

    public static bool IsKnown(string timeSystem) => _known.Contains(timeSystem);

    /// <summary>MET, MRT and SCLK: dates in these systems are elapsed times from a mission origin.</summary>
    public static bool IsRelative(string timeSystem) => _relative.Contains(timeSystem);

    /// <summary>Whether <see cref="ToUtc"/> can convert epochs of this time system.</summary>
    public static bool ConvertsToUtc(string timeSystem) => timeSystem is Utc or Tai or Tt or Gps or Tdb;

    /// <summary>
    /// An absolute epoch in UTC (DateTimeKind.Utc). UTC is taken as is; TAI, TT and GPS use the leap-second table (from
    /// 1972 on); TDB uses the usual two-term approximation of TDB - TT (good to about 30 microseconds). Other systems
    /// need data this library does not have (UT1, GMST) or a mission origin (MET, MRT, SCLK) and are refused.
    /// </summary>
    public static DateTime ToUtc(CcsdsTime epoch, string timeSystem)
    {
        var value = epoch.ToDateTime(DateTimeKind.Utc);
        switch (timeSystem)
        {
            case Utc:
                return value;
            case Tai:
                return TaiToUtc(value);
            case Gps:
                return TaiToUtc(value.AddSeconds(19));
            case Tt:
                return TaiToUtc(value.AddSeconds(-32.184));
            case Tdb:
                var gDegrees = 357.53 + 0.98560028 * (value - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays;
                var g = gDegrees * Math.PI / 180;
                var tdbMinusTt = 0.001657 * Math.Sin(g) + 0.000014 * Math.Sin(2 * g);
                return TaiToUtc(value.AddSeconds(-32.184 - tdbMinusTt));
            default:
                throw new NotSupportedException($"epochs in time system {timeSystem} cannot be converted to UTC without external data");
        }
    }

    /// <summary>TAI - UTC in seconds at a UTC instant (from 1972 on).</summary>
    public static int TaiMinusUtc(DateTime utc)
    {
        if (utc < _leapSeconds[0].From)
        {
            throw new NotSupportedException("TAI - UTC is only tabulated from 1972 on");
        }
        var seconds = 0;
        foreach (var (from, offset) in _leapSeconds)
        {
            if (utc >= from)
            {
                seconds = offset;
            }
        }
        return seconds;
    }

    private static DateTime TaiToUtc(DateTime tai)
    {
        var guess = tai.AddSeconds(-TaiMinusUtc(tai.AddSeconds(-37)));
        return tai.AddSeconds(-TaiMinusUtc(guess));
    }
}
