using System.Text.RegularExpressions;

namespace NotificationExchange.Ccsds.Syntax;

/// <summary>Splits KVN text into lines of one of four kinds. Blank lines vanish; any line ending and a missing final newline are fine.</summary>
internal static partial class KvnTokenizer
{
    public static List<KvnToken> Tokenize(string text)
    {
        var tokens = new List<KvnToken>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            lineNumber++;
            var line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("COMMENT", StringComparison.Ordinal) && (line.Length == 7 || char.IsWhiteSpace(line[7])))
            {
                tokens.Add(new KvnToken(KvnTokenKind.Comment, lineNumber, "COMMENT", line[7..].Trim(), null));
                continue;
            }
            var keyValue = KeyValuePattern().Match(line);
            if (keyValue.Success)
            {
                var raw = keyValue.Groups["value"].Value.Trim();
                var (value, unit) = SplitUnit(raw);
                tokens.Add(new KvnToken(KvnTokenKind.KeyValue, lineNumber, keyValue.Groups["key"].Value, value, unit, raw));
                continue;
            }
            tokens.Add(MarkerPattern().IsMatch(line)
                ? new KvnToken(KvnTokenKind.Marker, lineNumber, line, "", null)
                : new KvnToken(KvnTokenKind.DataLine, lineNumber, "", line, null));
        }
        return tokens;
    }

    /// <summary>"6503.5 [km]" gives ("6503.5", "km"); "[km, km/s]" gives ("", "km, km/s"); a value without brackets has no unit.</summary>
    public static (string Value, string? Unit) SplitUnit(string value)
    {
        if (!value.EndsWith(']'))
        {
            return (value, null);
        }
        var open = value.LastIndexOf('[');
        return open < 0 ? (value, null) : (value[..open].TrimEnd(), value[(open + 1)..^1].Trim());
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_]+)\s*=(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex KeyValuePattern();

    [GeneratedRegex(@"^[A-Z0-9]+(_[A-Z0-9]+)*_(START|STOP)\z", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();
}
