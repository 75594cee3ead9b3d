namespace NotificationExchange.Orbits.Time;

/// <summary>
/// Julian dates (UTC treated as UT1, as SGP4 users do) kept as a whole part at midnight (x.5) plus a day fraction, so
/// that sub-millisecond precision survives.
/// </summary>
public static class JulianDate
{
    /// <summary>Julian date of 1949 December 31 00:00, SGP4's epoch origin.</summary>
    public const double Sgp4EpochOrigin = 2433281.5;

    /// <summary>Julian date of 2000 January 1 12:00 (J2000).</summary>
    public const double J2000 = 2451545.0;

    private const double OleAutomationOrigin = 2415018.5;

    /// <summary>Julian date at 00:00 of a calendar date (Gregorian).</summary>
    public static double FromCalendarDate(int year, int month, int day) =>
        new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).ToOADate() + OleAutomationOrigin;

    public static (double Whole, double Fraction) FromDateTime(DateTime utc)
    {
        var midnight = utc.Date;
        var whole = midnight.ToOADate() + OleAutomationOrigin;
        var fraction = (utc - midnight).Ticks / (double)TimeSpan.TicksPerDay;
        return (whole, fraction);
    }

    public static DateTime ToDateTime(double whole, double fraction)
    {
        var days = Math.Floor(whole - OleAutomationOrigin);
        var remainder = whole - OleAutomationOrigin - days + fraction;
        return DateTime.SpecifyKind(DateTime.FromOADate(days), DateTimeKind.Utc)
            .AddTicks((long)Math.Round(remainder * TimeSpan.TicksPerDay));
    }

    /// <summary>Minutes from a split Julian date to a UTC instant.</summary>
    public static double MinutesBetween(double fromWhole, double fromFraction, DateTime toUtc)
    {
        var (whole, fraction) = FromDateTime(toUtc);
        return ((whole - fromWhole) + (fraction - fromFraction)) * 1440.0;
    }
}
