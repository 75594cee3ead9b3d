using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): the one byte form of a JSON value, so that anyone holding the same
/// value computes the same digest. Object members are sorted by their names' UTF-16 code units; strings are written
/// as ECMAScript's JSON.stringify writes them (only '"', '\' and U+0000 to U+001F escaped, the short escapes where JSON
/// has one, otherwise \u00hh in lower case; everything else as is); numbers as ECMAScript's Number.prototype.toString
/// writes an IEEE 754 double; no whitespace.
/// </summary>
/// <remarks>
/// RFC 8785 takes I-JSON (RFC 7493): a string holding a lone surrogate, or a number beyond what a double holds, is
/// refused with an <see cref="ArgumentException"/>, never written in some form another implementation would not
/// reproduce. Every number is read as the double nearest to it, as RFC 8785 prescribes, so an integer beyond 2^53 may
/// come out as another integer: values that must survive exactly (the transcript's sequences are far below 2^53) stay
/// within it, or travel as strings. Duplicate member names cannot reach here: <see cref="JsonObject"/> refuses them.
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>The canonical form of a JSON text.</summary>
    public static string Canonicalize(string json) =>
        Canonicalize(JsonNode.Parse(json));

    /// <summary>The canonical form of a JSON value (null is JSON's null).</summary>
    public static string Canonicalize(JsonNode? node)
    {
        var output = new StringBuilder();
        Write(node, output);
        return output.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder output)
    {
        switch (node)
        {
            case null:
                output.Append("null");
                break;
            case JsonObject obj:
                output.Append('{');
                var first = true;
                // string.CompareOrdinal compares UTF-16 code units, which is the order RFC 8785 section 3.2.3 prescribes.
                foreach (var (name, value) in obj.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        output.Append(',');
                    }
                    first = false;
                    WriteString(name, output);
                    output.Append(':');
                    Write(value, output);
                }
                output.Append('}');
                break;
            case JsonArray array:
                output.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }
                    Write(array[i], output);
                }
                output.Append(']');
                break;
            case JsonValue value:
                WriteValue(value, output);
                break;
            default:
                throw new ArgumentException($"{node.GetType().Name} is not a JSON value");
        }
    }

    private static void WriteValue(JsonValue value, StringBuilder output)
    {
        // A string is taken as the string itself: writing it out first would turn a lone surrogate into U+FFFD.
        if (value.GetValueKind() == JsonValueKind.String)
        {
            string? text;
            try
            {
                value.TryGetValue(out text);
            }
            catch (InvalidOperationException e)
            {
                // what System.Text.Json says of an escaped lone surrogate in the text it parsed
                throw new ArgumentException($"a string cannot be read as Unicode text: {e.Message}", e);
            }
            if (text is not null)
            {
                WriteString(text, output);
                return;
            }
        }
        // A value parsed from text holds a JsonElement; one built from a .NET value (a long, a bool) is read through
        // its JSON form, so both come out the same.
        if (!value.TryGetValue<JsonElement>(out var element))
        {
            using var document = JsonDocument.Parse(value.ToJsonString());
            element = document.RootElement.Clone();
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                output.Append(FormatNumber(element.GetRawText()));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                throw new ArgumentException($"a JSON value of kind {element.ValueKind} where a string, number or literal was expected");
        }
    }

    /// <summary>RFC 8785 section 3.2.2.2, which is ECMAScript's QuoteJSONString over well-formed UTF-16.</summary>
    private static void WriteString(string value, StringBuilder output)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case < ' ':
                    output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        output.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        throw new ArgumentException($"a string holds a lone surrogate U+{(int)c:X4} at {i}; I-JSON strings are Unicode text");
                    }
                    else
                    {
                        output.Append(c);
                    }
                    break;
            }
        }
        output.Append('"');
    }

    /// <summary>
    /// A JSON number as ECMAScript's Number.prototype.toString writes the double it denotes (RFC 8785 section 3.2.2.3):
    /// the shortest digits that read back as the same double, placed by the exponent.
    /// </summary>
    public static string FormatNumber(string jsonNumber)
    {
        var value = double.Parse(jsonNumber, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"the number {jsonNumber} is beyond what a double holds");
        }
        return FormatDouble(value);
    }

    /// <summary>ECMAScript's Number::toString (ECMA-262, 6.1.6.1.20) of a finite double.</summary>
    public static string FormatDouble(double value)
    {
        if (value == 0)
        {
            // both zeros
            return "0";
        }
        if (value < 0)
        {
            return "-" + FormatDouble(-value);
        }
        // .NET's "R" is the shortest round-trip form (since .NET Core 3.0): its digits are ECMAScript's s, with k digits.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var allDigits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        var k = digits.Length;
        // value = 0.digits × 10^n, that is digits × 10^(n − k)
        var n = integerDigits - leadingZeros + exponent;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }
        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }
        var e = n - 1;
        var exponentText = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? $"{digits}e{exponentText}" : $"{digits[0]}.{digits[1..]}e{exponentText}";
    }
}
