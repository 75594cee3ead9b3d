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
    /// need data this library does not have (UT1, GMST) or a mission origin (MET, MRT, SCLK) and are refused. Throws
    /// <see cref="NotSupportedException"/> for such a system and <see cref="ArgumentOutOfRangeException"/> for an epoch it
    /// cannot convert (see <see cref="TryToUtc"/>, which says why instead).
    /// </summary>
    public static DateTime ToUtc(CcsdsTime epoch, string timeSystem)
    {
        if (TryToUtc(epoch, timeSystem, out var utc, out var problem))
        {
            return utc;
        }
        throw ConvertsToUtc(timeSystem) ? new ArgumentOutOfRangeException(nameof(epoch), problem) : new NotSupportedException(problem);
    }

    /// <summary>
    /// As <see cref="ToUtc"/>, without throwing: false, with what is wrong in <paramref name="problem"/>, for a time
    /// system this library cannot convert, a relative time, year 0000 (an elapsed time, not a date), a TAI, TT, GPS or
    /// TDB epoch before 1972 (TAI - UTC is tabulated from then on), or a result outside 0001-01-01 to 9999-12-31.
    /// </summary>
    public static bool TryToUtc(CcsdsTime epoch, string timeSystem, out DateTime utc, out string problem)
    {
        utc = default;
        problem = "";
        if (!ConvertsToUtc(timeSystem))
        {
            problem = $"epochs in time system {timeSystem} cannot be converted to UTC without external data";
            return false;
        }
        if (epoch.IsRelative)
        {
            problem = $"{epoch} is a relative time; it needs its reference epoch to be converted";
            return false;
        }
        if (epoch.Year == 0)
        {
            problem = $"{epoch} is in year 0000, an elapsed time (MET, MRT, SCLK), not a {timeSystem} date";
            return false;
        }
        var value = epoch.ToDateTime(DateTimeKind.Utc);
        double seconds; // from the time system to TAI
        switch (timeSystem)
        {
            case Utc:
                utc = value;
                return true;
            case Tai:
                seconds = 0;
                break;
            case Gps:
                seconds = 19;
                break;
            case Tt:
                seconds = -32.184;
                break;
            default: // TDB
                var gDegrees = 357.53 + 0.98560028 * (value - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays;
                var g = gDegrees * Math.PI / 180;
                seconds = -32.184 - (0.001657 * Math.Sin(g) + 0.000014 * Math.Sin(2 * g));
                break;
        }
        // TAI - UTC is tabulated from 1972 on: an epoch of the 1960s in TAI (or TT, GPS, TDB) has no UTC here
        if (value < _leapSeconds[0].From)
        {
            problem = $"{epoch} {timeSystem} is before 1972, where this library has no TAI - UTC";
            return false;
        }
        // TAI as ticks: no DateTime arithmetic that could step past 9999-12-31
        var taiTicks = value.Ticks + (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        if (!TryTaiToUtc(taiTicks, out var utcTicks))
        {
            problem = $"{epoch} {timeSystem} is before 1972-01-01 UTC, where this library has no TAI - UTC";
            return false;
        }
        if (utcTicks > DateTime.MaxValue.Ticks)
        {
            problem = $"{epoch} {timeSystem} is after 9999-12-31T23:59:59.9999999 UTC";
            return false;
        }
        utc = new DateTime(utcTicks, DateTimeKind.Utc);
        return true;
    }

    /// <summary>TAI - UTC in seconds at a UTC instant (from 1972 on); throws <see cref="NotSupportedException"/> before 1972.</summary>
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

    /// <summary>
    /// UTC ticks of a TAI instant: the offset of the last step whose start, in TAI, is not after it. A TAI instant
    /// within an inserted second (UTC 23:59:60, which DateTime cannot hold) maps onto 23:59:59 again. False before 1972.
    /// </summary>
    private static bool TryTaiToUtc(long taiTicks, out long utcTicks)
    {
        utcTicks = 0;
        for (var index = _leapSeconds.Length - 1; index >= 0; index--)
        {
            var (from, offset) = _leapSeconds[index];
            var offsetTicks = offset * TimeSpan.TicksPerSecond;
            // a step after the first starts with the leap second that precedes it
            var leapSecond = index > 0 ? TimeSpan.TicksPerSecond : 0;
            if (taiTicks >= from.Ticks + offsetTicks - leapSecond)
            {
                utcTicks = taiTicks - offsetTicks;
                return true;
            }
        }
        return false;
    }
}
