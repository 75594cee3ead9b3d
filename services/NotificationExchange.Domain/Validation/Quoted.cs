using System.Globalization;
using System.Text;

namespace NotificationExchange.Domain.Validation;

/// <summary>
/// A value a client sent, quoted in an error message. Error messages reach logs (grpc-dotnet logs every status detail)
/// as well as the client: control characters are written as escapes, so that a value cannot add lines to a log, and a
/// long value is cut, so that an answer or a log line stays readable. The field path says which value it was.
/// </summary>
public static class Quoted
{
    public const int MaxShown = 64;

    public static string Value(string? value)
    {
        if (value is null)
        {
            return "null";
        }
        var shown = new StringBuilder(Math.Min(value.Length, MaxShown) + 2).Append('\'');
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (count++ == MaxShown)
            {
                return shown.Append(CultureInfo.InvariantCulture, $"…' ({value.Length} characters)").ToString();
            }
            _ = rune.Value switch
            {
                '\n' => shown.Append("\\n"),
                '\r' => shown.Append("\\r"),
                '\t' => shown.Append("\\t"),
                _ when Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029 => shown.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}"),
                _ => shown.Append(rune.ToString()),
            };
        }
        return shown.Append('\'').ToString();
    }
}
