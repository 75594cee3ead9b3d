using System.Text;
using System.Xml;

namespace NotificationExchange.Ccsds;

/// <summary>
/// Text as a CCSDS value: one line that reads back exactly as written, in KVN and in XML alike. The writers refuse
/// any value for which <see cref="Problem"/> gives a reason; <see cref="AsValue"/> makes free text such a value.
/// </summary>
public static class CcsdsText
{
    /// <summary>
    /// Why <paramref name="text"/> cannot be written faithfully as a value; null when it can. A control character
    /// cannot (a line break would end a KVN line, most others XML cannot carry at all), nor a character XML cannot carry
    /// (U+FFFE, U+FFFF, half a surrogate pair), nor white space at either end (every reader drops it).
    /// </summary>
    public static string? Problem(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (char.IsControl(c))
            {
                return c is '\n' or '\r'
                    ? "holds a line break, which would end a KVN line"
                    : $"holds the control character U+{(int)c:X4}, which neither KVN nor XML carries";
            }
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }
            if (!XmlConvert.IsXmlChar(c))
            {
                return $"holds U+{(int)c:X4}, which XML cannot carry";
            }
        }
        return text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            ? "starts or ends with white space, which every reader drops"
            : null;
    }

    /// <summary>
    /// Free text as a value the writers accept: each control character (line break, tab, ...) becomes a blank, each
    /// character XML cannot carry becomes U+FFFD, blanks at the ends are dropped. Null when nothing is left.
    /// </summary>
    public static string? AsValue(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var value = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                value.Append(c).Append(text[++index]);
            }
            else
            {
                value.Append(char.IsControl(c) ? ' ' : XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }
        var trimmed = value.ToString().Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
