using System.Globalization;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Elements;

/// <summary>
/// Writes mean elements as a two-line element set, column for column as <see cref="TleParser"/> reads it (and as
/// CelesTrak and Space-Track publish it): Alpha-5 catalogue numbers, the epoch as YYDDD.DDDDDDDD, the derivatives and
/// BSTAR in the TLE's assumed-decimal exponent form, checksums. The fields carry less precision than the elements (the
/// epoch to about 1 ms, the angles to 1e-4 degrees, the mean motion to 1e-8 rev/day), so a written set reads back to
/// within those steps, not exactly.
/// </summary>
public static class TleWriter
{
    /// <summary>The two lines of <paramref name="elements"/>; an epoch outside 1957-2056, or a first derivative of the
    /// mean motion of 1 rev/day² or more, cannot be written and throws.</summary>
    public static (string Line1, string Line2) Write(
        Sgp4Elements elements, string? internationalDesignator = null, char classification = 'U', int elementSetNumber = 999, int revolutionNumber = 0)
    {
        var epoch = elements.Epoch;
        if (epoch.Year is < 1957 or > 2056)
        {
            throw new ArgumentOutOfRangeException(nameof(elements), epoch, "a TLE's epoch year is 1957 to 2056");
        }
        if (Math.Abs(elements.MeanMotionDot) >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(elements), elements.MeanMotionDot, "a TLE holds a first derivative of the mean motion below 1 rev/day²");
        }
        var dayOfYear = epoch.DayOfYear + epoch.TimeOfDay.TotalDays;
        var line1 = string.Create(CultureInfo.InvariantCulture,
            $"1 {TleParser.EncodeCatalogNumber(elements.CatalogNumber)}{classification} {Designator(internationalDesignator),-8} "
            + $"{epoch.Year % 100:D2}{dayOfYear:000.00000000} {Derivative(elements.MeanMotionDot)} {Exponential(elements.MeanMotionDdot)} "
            + $"{Exponential(elements.BStar)} 0 {elementSetNumber % 10000,4}");
        var line2 = string.Create(CultureInfo.InvariantCulture,
            $"2 {TleParser.EncodeCatalogNumber(elements.CatalogNumber)} {Angle(elements.InclinationDeg)} {Angle(elements.RaanDeg)} "
            + $"{Math.Round(elements.Eccentricity * 1e7):0000000} {Angle(elements.ArgOfPerigeeDeg)} {Angle(elements.MeanAnomalyDeg)} "
            + $"{elements.MeanMotionRevPerDay,11:0.00000000}{revolutionNumber % 100000,5}");
        return (WithChecksum(line1), WithChecksum(line2));
    }

    private static string WithChecksum(string line) => line + TleParser.Checksum(line).ToString(CultureInfo.InvariantCulture);

    /// <summary>1998-067A as the TLE writes it: 98067A.</summary>
    private static string Designator(string? cospar) =>
        cospar is { Length: >= 9 } && cospar[4] == '-' ? cospar[2..4] + cospar[5..] : "";

    /// <summary>0 to 359.9999: an angle that rounds to 360.0000 is written 0.0000.</summary>
    private static string Angle(double degrees) =>
        ((((Math.Round(degrees, 4) % 360) + 360) % 360)).ToString("##0.0000", CultureInfo.InvariantCulture).PadLeft(8);

    /// <summary>" .00001234" or "-.00001234".</summary>
    private static string Derivative(double value) =>
        (value < 0 ? "-" : " ") + Math.Abs(value).ToString(".00000000", CultureInfo.InvariantCulture);

    /// <summary>The assumed-decimal exponent form: 0.34123e-3 is " 34123-3"; zero is " 00000-0"; values below 1e-10 are
    /// zero.</summary>
    private static string Exponential(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude < 1e-10)
        {
            return " 00000-0";
        }
        var exponent = (int)Math.Floor(Math.Log10(magnitude)) + 1;
        var mantissa = (int)Math.Round(magnitude / Math.Pow(10, exponent) * 100_000);
        if (mantissa >= 100_000)
        {
            mantissa /= 10;
            exponent++;
        }
        if (exponent > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a TLE's exponent field holds values below 1e9");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{(value < 0 ? '-' : ' ')}{mantissa:D5}{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent)}");
    }
}
