using System.Globalization;

namespace NotificationExchange.Ccsds;

/// <summary>CCSDS numbers: plain decimal or exponent notation ("-.47102E-5", "3.303E02"); never NaN or infinity.</summary>
public static class CcsdsNumbers
{
    public static bool TryParseDouble(string text, out double value)
    {
        var trimmed = text.Trim();
        // double.TryParse also takes "NaN" and "Infinity": a CCSDS number is digits, sign, point and exponent only
        if (trimmed.Length == 0 || trimmed.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E'))
            || !trimmed.Any(char.IsAsciiDigit))
        {
            value = 0;
            return false;
        }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>The shortest text that reads back to the same double.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
