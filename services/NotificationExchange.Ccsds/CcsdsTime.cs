using System.Globalization;
using System.Text.RegularExpressions;

namespace NotificationExchange.Ccsds;

/// <summary>
/// A CCSDS epoch as written in a message: a date and time in the message's time system (not converted to UTC), or,
/// in an OCM, a number of seconds after EPOCH_TZERO. Keeps 100 ns resolution, the leap second 23:59:60, and year 0000
/// (used with the relative time systems MET, MRT and SCLK). Two values are equal when they name the same instant in
/// the same way (absolute or relative), whichever form they were written in.
/// </summary>
public readonly struct CcsdsTime : IEquatable<CcsdsTime>, IComparable<CcsdsTime>
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    // Proleptic Gregorian year 0 is a leap year: DateTime's 0001-01-01 is 366 days after 0000-01-01.
    private const long YearZeroTicks = 366 * TicksPerDay;

    // The last instant a CCSDS date can name: 9999-12-31T23:59:59.9999999 (DateTime.MaxValue), counted from year 0000.
    private const long MaxTicks = 3_155_378_975_999_999_999L + YearZeroTicks;

    private static readonly Regex _pattern = new(
        // [0-9], not \d: \d also matches other scripts' digits, which no CCSDS date has (and int.Parse refuses)
        @"^(?<y>[0-9]{4})-(?:(?<mo>[0-9]{2})-(?<d>[0-9]{2})|(?<doy>[0-9]{3}))T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?<f>\.[0-9]*)?Z?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private readonly long _ticks;        // absolute: ticks since 0000-01-01T00:00:00; in a leap second, counted from 23:59:59
    private readonly bool _leapSecond;   // absolute: the time is within 23:59:60
    private readonly double _seconds;    // relative

    private CcsdsTime(long ticks, bool leapSecond, double seconds, CcsdsTimeForm form)
    {
        _ticks = ticks;
        _leapSecond = leapSecond;
        _seconds = seconds;
        Form = form;
    }

    public CcsdsTimeForm Form { get; }

    public bool IsRelative => Form == CcsdsTimeForm.Relative;

    /// <summary>Seconds after the reference epoch; only for relative times.</summary>
    public double RelativeSeconds => IsRelative ? _seconds : throw new InvalidOperationException("an absolute CCSDS time has no relative seconds");

    public bool IsLeapSecond => _leapSecond;

    public int Year => IsRelative ? throw new InvalidOperationException("a relative CCSDS time has no year") : YearOf(_ticks);

    /// <summary>An absolute time from a DateTime (its Kind is ignored: the value is taken as written).</summary>
    public static CcsdsTime FromDateTime(DateTime value, CcsdsTimeForm form = CcsdsTimeForm.Calendar)
    {
        if (form == CcsdsTimeForm.Relative)
        {
            throw new ArgumentException("use CcsdsTime.Relative for relative times", nameof(form));
        }
        return new CcsdsTime(value.Ticks + YearZeroTicks, false, 0, form);
    }

    public static CcsdsTime Relative(double seconds)
    {
        if (!double.IsFinite(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), "a relative time must be finite");
        }
        return new CcsdsTime(0, false, seconds, CcsdsTimeForm.Relative);
    }

    /// <summary>
    /// The absolute time as a DateTime of the given kind (the time system is not converted). A leap second maps to
    /// 23:59:59.9999999, since DateTime has no 60th second. Fails for relative times and for year 0000.
    /// </summary>
    public DateTime ToDateTime(DateTimeKind kind = DateTimeKind.Unspecified)
    {
        if (IsRelative)
        {
            throw new InvalidOperationException("a relative CCSDS time needs its reference epoch: use Resolve first");
        }
        if (_ticks < YearZeroTicks)
        {
            throw new InvalidOperationException($"{this} is in year 0000, which DateTime cannot hold");
        }
        var ticks = _ticks - YearZeroTicks;
        if (_leapSecond)
        {
            ticks = Math.Min(ticks - ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond - 1, DateTime.MaxValue.Ticks);
        }
        return new DateTime(ticks, kind);
    }

    /// <summary>
    /// This time made absolute: relative seconds are added to <paramref name="referenceEpoch"/>. Throws
    /// <see cref="ArgumentOutOfRangeException"/> when that falls outside 0000-01-01 to 9999-12-31 (see <see cref="TryResolve"/>).
    /// </summary>
    public CcsdsTime Resolve(CcsdsTime referenceEpoch)
    {
        if (referenceEpoch.IsRelative && IsRelative)
        {
            throw new ArgumentException("the reference epoch must be absolute", nameof(referenceEpoch));
        }
        return TryResolve(referenceEpoch, out var resolved)
            ? resolved
            : throw new ArgumentOutOfRangeException(nameof(referenceEpoch), $"{this} s after {referenceEpoch} is outside the years 0000 to 9999");
    }

    /// <summary>
    /// This time made absolute, as <see cref="Resolve"/>; false (and no exception) when the reference epoch is relative
    /// or the result would fall outside 0000-01-01T00:00:00 to 9999-12-31T23:59:59.9999999, the dates a CCSDS time can name.
    /// </summary>
    public bool TryResolve(CcsdsTime referenceEpoch, out CcsdsTime resolved)
    {
        resolved = this;
        if (!IsRelative)
        {
            return true;
        }
        // checked before any arithmetic: seconds beyond the whole range would overflow the tick count
        if (referenceEpoch.IsRelative || Math.Abs(_seconds) > (double)MaxTicks / TimeSpan.TicksPerSecond)
        {
            return false;
        }
        var ticks = referenceEpoch._ticks + (long)Math.Round(_seconds * TimeSpan.TicksPerSecond);
        if (ticks < 0 || ticks > MaxTicks)
        {
            return false;
        }
        resolved = new CcsdsTime(ticks, false, 0, CcsdsTimeForm.Calendar);
        return true;
    }

    /// <summary>
    /// Parses a CCSDS date (calendar or day-of-year form, optional trailing Z) or, when allowed, relative seconds.
    /// 23:59:60 is accepted only at the end of a day UTC ended with a leap second (<see cref="CcsdsTimeSystems.EndsWithLeapSecond"/>).
    /// </summary>
    public static bool TryParse(string text, bool allowRelative, out CcsdsTime value, out CcsdsErrorKind errorKind, out string errorMessage) =>
        TryParse(text, allowRelative, announcedLeapSecond: false, out value, out errorKind, out errorMessage);

    /// <summary>
    /// As <see cref="TryParse(string, bool, out CcsdsTime, out CcsdsErrorKind, out string)"/>; with
    /// <paramref name="announcedLeapSecond"/>, 23:59:60 is also accepted at the end of any month after the last
    /// tabulated leap second: a leap second announced after the table was written (OCM NEXT_LEAP_EPOCH names one).
    /// </summary>
    internal static bool TryParse(string text, bool allowRelative, bool announcedLeapSecond, out CcsdsTime value, out CcsdsErrorKind errorKind,
        out string errorMessage)
    {
        value = default;
        errorKind = CcsdsErrorKind.UnparsableDate;
        errorMessage = "";
        var trimmed = text.Trim();
        var match = _pattern.Match(trimmed);
        if (!match.Success)
        {
            if (allowRelative && CcsdsNumbers.TryParseDouble(trimmed, out var seconds))
            {
                value = Relative(seconds);
                return true;
            }
            errorMessage = allowRelative
                ? $"'{trimmed}' is neither a CCSDS date (YYYY-MM-DDThh:mm:ss or YYYY-DDDThh:mm:ss) nor relative seconds"
                : $"'{trimmed}' is not a CCSDS date (YYYY-MM-DDThh:mm:ss or YYYY-DDDThh:mm:ss)";
            return false;
        }

        errorKind = CcsdsErrorKind.ImpossibleDate;
        var year = Number(match, "y");
        var isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int dayOfYear;
        CcsdsTimeForm form;
        if (match.Groups["doy"].Success)
        {
            form = CcsdsTimeForm.DayOfYear;
            dayOfYear = Number(match, "doy");
            if (dayOfYear < 1 || dayOfYear > (isLeapYear ? 366 : 365))
            {
                errorMessage = $"'{trimmed}': year {year:0000} has no day {dayOfYear:000}";
                return false;
            }
        }
        else
        {
            form = CcsdsTimeForm.Calendar;
            var month = Number(match, "mo");
            var day = Number(match, "d");
            if (month < 1 || month > 12)
            {
                errorMessage = $"'{trimmed}': there is no month {month}";
                return false;
            }
            var daysInMonth = month == 2 ? (isLeapYear ? 29 : 28) : DateTime.DaysInMonth(2001, month);
            if (day < 1 || day > daysInMonth)
            {
                errorMessage = $"'{trimmed}': month {month} of {year:0000} has no day {day}";
                return false;
            }
            dayOfYear = day + Enumerable.Range(1, month - 1).Sum(m => m == 2 ? (isLeapYear ? 29 : 28) : DateTime.DaysInMonth(2001, m));
        }

        var hour = Number(match, "h");
        var minute = Number(match, "mi");
        var second = Number(match, "s");
        if (hour > 23 || minute > 59 || second > 60 || (second == 60 && (hour != 23 || minute != 59)))
        {
            errorMessage = $"'{trimmed}': {hour:00}:{minute:00}:{second:00} is not a time of day";
            return false;
        }

        if (second == 60 && !IsLeapSecondDay(year, dayOfYear, announcedLeapSecond, out var leapDay))
        {
            errorMessage = leapDay is { } date
                ? $"'{trimmed}': UTC had no leap second at the end of {date:yyyy-MM-dd}, so 23:59:60 does not exist"
                : $"'{trimmed}': year 0000 is an elapsed time and has no leap second";
            return false;
        }

        long fractionTicks = 0;
        var fraction = match.Groups["f"].Value;
        if (fraction.Length > 1)
        {
            // round to the nearest 100 ns; digits beyond that carry no meaning here
            var fractionValue = decimal.Parse("0" + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            fractionTicks = (long)Math.Round(fractionValue * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
        }

        var leap = second == 60;
        var ticks = (DaysBeforeYear(year) + dayOfYear - 1) * TicksPerDay
            + ((hour * 60L + minute) * 60L + (leap ? 59 : second)) * TimeSpan.TicksPerSecond
            + fractionTicks;
        if (leap && fractionTicks >= TimeSpan.TicksPerSecond)
        {
            // 23:59:60.99999999 rounds to the end of the leap second, which is 00:00:00 of the next day
            leap = false;
        }
        if (ticks > MaxTicks)
        {
            errorMessage = $"'{trimmed}' rounds to 100 ns past 9999-12-31T23:59:59.9999999, the last time a CCSDS date can name";
            return false;
        }
        value = new CcsdsTime(ticks, leap, 0, form);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static CcsdsTime Parse(string text, bool allowRelative = false) =>
        TryParse(text, allowRelative, out var value, out _, out var message) ? value : throw new FormatException(message);

    public CcsdsTime WithForm(CcsdsTimeForm form)
    {
        if (IsRelative || form == CcsdsTimeForm.Relative)
        {
            throw new InvalidOperationException("only absolute times change form");
        }
        return new CcsdsTime(_ticks, _leapSecond, 0, form);
    }

    /// <summary>The canonical text: the form it was read in, at most 7 fraction digits, no trailing zeros.</summary>
    public override string ToString()
    {
        if (IsRelative)
        {
            return CcsdsNumbers.Format(_seconds);
        }
        var days = _ticks / TicksPerDay;
        var timeOfDay = new TimeSpan(_ticks % TicksPerDay);
        var year = YearOf(_ticks);
        var dayOfYear = (int)(days - DaysBeforeYear(year)) + 1;
        var seconds = _leapSecond ? 60 : timeOfDay.Seconds;
        var fraction = (timeOfDay.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        var time = $"{timeOfDay.Hours:00}:{timeOfDay.Minutes:00}:{seconds:00}" + (fraction.Length > 0 ? "." + fraction : "");
        if (Form == CcsdsTimeForm.DayOfYear || year == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{dayOfYear:000}T{time}");
        }
        var date = new DateTime((days - 366) * TicksPerDay);
        return string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}T{time}");
    }

    public bool Equals(CcsdsTime other) => IsRelative
        ? other.IsRelative && _seconds.Equals(other._seconds)
        : !other.IsRelative && _ticks == other._ticks && _leapSecond == other._leapSecond;

    public override bool Equals(object? obj) => obj is CcsdsTime other && Equals(other);

    public override int GetHashCode() => IsRelative ? _seconds.GetHashCode() : HashCode.Combine(_ticks, _leapSecond);

    public int CompareTo(CcsdsTime other)
    {
        if (IsRelative != other.IsRelative)
        {
            throw new InvalidOperationException("cannot order a relative time against an absolute one");
        }
        return IsRelative
            ? _seconds.CompareTo(other._seconds)
            : (_ticks, _leapSecond).CompareTo((other._ticks, other._leapSecond));
    }

    public static bool operator ==(CcsdsTime left, CcsdsTime right) => left.Equals(right);

    public static bool operator !=(CcsdsTime left, CcsdsTime right) => !left.Equals(right);

    public static bool operator <(CcsdsTime left, CcsdsTime right) => left.CompareTo(right) < 0;

    public static bool operator >(CcsdsTime left, CcsdsTime right) => left.CompareTo(right) > 0;

    public static bool operator <=(CcsdsTime left, CcsdsTime right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CcsdsTime left, CcsdsTime right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Whether 23:59:60 exists at the end of the given day: a tabulated leap-second day or, when
    /// <paramref name="announced"/>, the last day of a month later than the table's last leap second.
    /// </summary>
    private static bool IsLeapSecondDay(int year, int dayOfYear, bool announced, out DateOnly? day)
    {
        day = null;
        if (year == 0)
        {
            return false;
        }
        var date = new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);
        day = date;
        // the last day of its month, tested without stepping past it (the day after 9999-12-31 does not exist)
        return CcsdsTimeSystems.EndsWithLeapSecond(date)
            || (announced && date > CcsdsTimeSystems.LastTabulatedLeapSecondDay && date.Day == DateTime.DaysInMonth(date.Year, date.Month));
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static long DaysBeforeYear(int year) => year == 0 ? 0 : new DateTime(year, 1, 1).Ticks / TicksPerDay + 366;

    private static int YearOf(long ticks) => ticks < YearZeroTicks ? 0 : new DateTime(ticks - YearZeroTicks).Year;
}
