using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;
using NotificationExchange.Ccsds;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Changes values inside the text of a CCSDS message, KVN or XML, as a careless or hostile sender might: a value
/// replaced by a date at the edge of the calendar, a time system, a number that is huge, negative, not finite or not a
/// number at all, an odd unit, nothing; a keyword removed or given twice; a token of a data line changed. The message
/// stays a message of its type (its structure is kept), so that what is tested is the handling of its values.
/// </summary>
internal sealed partial class CcsdsTextMutator(DateTime near)
{
    private static readonly string[] _edgeTimes =
    [
        "0000-001T00:00:00", "0000-01-01T00:00:00", "0000-366T23:59:59.9999999", "0001-01-01T00:00:00", "0001-001T00:00:00.5",
        "1900-01-01T00:00:00", "1957-10-04T19:28:34", "1960-06-01T12:00:00", "1971-12-31T23:59:59", "1971-12-31T23:59:60",
        "1972-01-01T00:00:05", "1972-06-30T23:59:60", "1972-182T23:59:60.5", "2016-12-31T23:59:60", "2016-366T23:59:60.99999999",
        "2016-12-31T23:59:60.9999999", "2024-02-29T23:59:60", "2024-366T00:00:00", "2023-366T00:00:00", "2024-02-30T00:00:00",
        "2099-12-31T23:59:59.9999999", "2100-01-01T00:00:00", "9999-12-31T23:59:59.99999999", "9999-12-31T23:59:59.9999999",
        "9999-12-31T23:59:60", "9999-365T23:59:60", "9999-366T00:00:00", "9999-12-31T23:59:59Z", "10000-01-01T00:00:00",
        "2024-13-01T00:00:00", "2024-01-01T24:00:00", "2024-01-01T23:60:00", "2024-01-01T00:00:61", "2024-01-01", "2024-01-01T00:00",
        "\u0662\u0660\u0662\u0664-01-01T00:00:00", "2024-01-01T00:00:00.", "2024-01-01T00:00:00." + new string('9', 40), "-2024-01-01T00:00:00",
    ];

    private static readonly string[] _numbers =
    [
        "0", "-0", "-1", "1", "0.5", "-0.5", "120", "3600", "86400", "31622400", "31708800", "3e11", "-3e11", "1e300", "-1e300", "1e-300",
        "1.7976931348623157E308", "-1.7976931348623157E308", "4.9E-324", "1e308", "1e309", "1e400", "NaN", "Infinity", "-Infinity", "inf",
        "99999999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "101",
        "0x10", "1,5", "+.5", ".", "e5", "1e", "--1", "1e+300", "7000", "0.00035", "-0.12", "0.05", "42164", "6378.137", "1e5",
    ];

    private static readonly string[] _texts =
    [
        "", " ", "UNKNOWN", "N/A", "2014-016A", "1998-067A", "ZZZ", "[]", "[km]", "TIME_ABSOLUTE, MAN_DURA", "TIME_RELATIVE, MAN_DURA, DELTA_MASS",
        "TIME_ABSOLUTE, DV_X, DV_Y, DV_Z", "TIME_RELATIVE", "DV_X, DV_Y, DV_Z", "[s, km/s, km/s, km/s]", "[s]", "[n/a]", "RTN", "EME2000", "TEME",
        "ICRF", "MOON", "PLANNED", "DETERMINED", "TELEMETRY", "CANDIDATE", "KEPLERIANMEAN", "CARTPV", "LAGRANGE", "COLLISION_AVOIDANCE",
        "x", "\u00e9\u00e8", "a & b", "1 2 3", new string('A', 3000), "\u0001x", "tab\there", "\uFFFE", "\uD800", "EIGVAL3EIGVEC3", "CARTP",
        "GEODETIC", "FULL", "UTMWCC", "LTM",
    ];

    private static readonly string[] _units = ["km", "s", "", "n/a", "kg", "m/s", "km/s", "d", "deg", "km**2", "%", "KM", " s ", "sec", "[", "]]"];

    /// <summary>Every SANA time system the library knows, some it does not, and spellings it must refuse.</summary>
    public static readonly string[] TimeSystems =
        [.. CcsdsTimeSystems.Known, "UNKNOWN", "utc", "Utc", "", "UTC ", "TAI-10", "LOCAL", "GLONASST"];

    public string Mutate(string text, Random random, List<string> log) =>
        text.TrimStart().StartsWith('<') ? MutateXml(text, random, log) : MutateKvn(text, random, log);

    /// <summary>
    /// One value of a data line changed: a token of an ephemeris, trajectory, covariance or maneuver line (KVN, XML
    /// trajLine/covLine/manLine), or an OEM state's EPOCH (XML); the text unchanged when it has none.
    /// </summary>
    public string MutateDataLine(string text, Random random, List<string> log)
    {
        if (text.TrimStart().StartsWith('<'))
        {
            var leaves = LeafPattern().Matches(text).Where(m => m.Groups["name"].Value is "trajLine" or "covLine" or "manLine" or "EPOCH").ToList();
            if (leaves.Count == 0)
            {
                return text;
            }
            var leaf = leaves[random.Next(leaves.Count)];
            var name = leaf.Groups["name"].Value;
            var value = name == "EPOCH" ? Time(random) : MutateTokens(leaf.Groups["text"].Value.Trim(), random) ?? "";
            var replacement = $"<{name}{leaf.Groups["attrs"].Value}>{Escape(value)}</{name}>";
            log.Add($"<{name}>: '{Short(leaf.Value)}' -> '{Short(replacement)}'");
            _lastChange = leaf.Index;
            return text[..leaf.Index] + replacement + text[(leaf.Index + leaf.Length)..];
        }
        var lines = text.Split('\n').ToList();
        var data = Enumerable.Range(0, lines.Count).Where(index => IsDataLine(lines[index])).ToList();
        if (data.Count == 0)
        {
            return text;
        }
        var at = data[random.Next(data.Count)];
        var changed = MutateTokens(lines[at].Trim(), random) ?? lines[at];
        log.Add($"line {at + 1}: '{Short(lines[at].Trim())}' -> '{Short(changed)}'");
        lines[at] = changed;
        _lastChange = at;
        return string.Join("\n", lines);
    }

    /// <summary>Where the last change was made: a KVN line index, or an XML character offset.</summary>
    private int _lastChange;

    /// <summary>
    /// The section, block or data line of <paramref name="text"/> that holds the last change (<see cref="Mutate"/>),
    /// given hundreds of times: as many burns, states or segments, and as many of whatever is wrong with it.
    /// </summary>
    public string Multiply(string text, Random random, List<string> log)
    {
        var copies = random.Next(300, 600);
        if (text.TrimStart().StartsWith('<'))
        {
            var blocks = BlockPattern().Matches(text);
            if (blocks.Count == 0)
            {
                return text;
            }
            var block = blocks.LastOrDefault(b => b.Index <= _lastChange && _lastChange < b.Index + b.Length) ?? blocks[random.Next(blocks.Count)];
            log.Add($"<{block.Groups["name"].Value}> block given {copies} times");
            return text[..block.Index] + string.Concat(Enumerable.Repeat(block.Value, copies)) + text[(block.Index + block.Length)..];
        }
        var lines = text.Split('\n').ToList();
        var at = Math.Clamp(_lastChange, 0, lines.Count - 1);
        int start, stop;
        if (IsDataLine(lines[at]))
        {
            (start, stop) = (at, at);
        }
        else
        {
            // the section around it (not the metadata, of which there is one); for a change elsewhere (a time system, an
            // EPOCH_TZERO), any data line, which that change may affect
            start = lines.FindLastIndex(at, l => l.Trim().EndsWith("_START", StringComparison.Ordinal));
            var marker = start < 0 ? "" : lines[start].Trim()[..^"_START".Length];
            stop = start < 0 || marker == "META" ? -1 : lines.FindIndex(start, l => l.Trim() == marker + "_STOP");
            if (stop < at)
            {
                var data = Enumerable.Range(0, lines.Count).Where(index => IsDataLine(lines[index])).ToList();
                at = data.Count > 0 ? data[random.Next(data.Count)] : at;
                (start, stop) = (at, at);
            }
        }
        var piece = lines.GetRange(start, stop - start + 1);
        log.Add($"lines {start + 1}-{stop + 1} ('{Short(lines[start].Trim())}') given {copies} times");
        lines.RemoveRange(start, piece.Count);
        lines.InsertRange(start, Enumerable.Range(0, copies).SelectMany(_ => piece));
        return string.Join("\n", lines);
    }

    private string MutateKvn(string text, Random random, List<string> log)
    {
        var lines = text.Split('\n').ToList();
        var candidates = Enumerable.Range(0, lines.Count).Where(index => lines[index].Trim().Length > 0).ToList();
        var index = candidates[random.Next(candidates.Count)];
        var line = lines[index].Trim();
        var keyValue = KeyValuePattern().Match(line);
        string? replacement;
        if (keyValue.Success)
        {
            var key = keyValue.Groups["key"].Value;
            var (value, unit) = SplitUnit(keyValue.Groups["value"].Value.Trim());
            replacement = random.Next(10) switch
            {
                < 4 => Line(key, Value(key, random), unit),
                4 => Line(key, value, _units[random.Next(_units.Length)]),
                5 => null,
                6 => line + "\n" + line,
                7 => Line(key, "", random.Next(2) == 0 ? unit : null),
                8 => Line(key, Value(key, random), null),
                _ => Line(key, Value(key, random), unit) + "\n" + Line(key, Value(key, random), unit),
            };
        }
        else if (line.EndsWith("_START", StringComparison.Ordinal) && MarkerPattern().IsMatch(line)
            && lines.FindIndex(index, l => l.Trim() == line[..^"_START".Length] + "_STOP") is var stop and > 0 && random.Next(2) == 0)
        {
            // a whole section (META, TRAJ, COV, MAN, ...) given twice, or not at all
            var block = lines.GetRange(index, stop - index + 1);
            var twice = random.Next(2) == 0;
            log.Add($"lines {index + 1}-{stop + 1}: section {line} {(twice ? "given twice" : "removed")}");
            _lastChange = index;
            lines.RemoveRange(index, block.Count);
            lines.InsertRange(index, twice ? [.. block, .. block] : []);
            return string.Join("\n", lines);
        }
        else if (line.StartsWith("COMMENT", StringComparison.Ordinal) || MarkerPattern().IsMatch(line))
        {
            replacement = random.Next(3) switch
            {
                0 => null,
                1 => line + "\n" + line,
                _ => line.StartsWith("COMMENT", StringComparison.Ordinal) ? "COMMENT " + Any(random) : line,
            };
        }
        else
        {
            replacement = MutateTokens(line, random);
        }
        log.Add($"line {index + 1}: '{Short(line)}' -> '{Short(replacement ?? "(removed)")}'");
        _lastChange = index;
        if (replacement is null)
        {
            lines.RemoveAt(index);
        }
        else
        {
            lines[index] = replacement;
        }
        return string.Join("\n", lines);
    }

    private string MutateXml(string text, Random random, List<string> log)
    {
        if (random.Next(12) == 0 && BlockPattern().Matches(text) is { Count: > 0 } blocks)
        {
            // a whole block (segment, maneuver, section) given twice, or not at all
            var block = blocks[random.Next(blocks.Count)];
            var twice = random.Next(2) == 0;
            log.Add($"<{block.Groups["name"].Value}> block {(twice ? "given twice" : "removed")}");
            _lastChange = block.Index;
            return text[..block.Index] + (twice ? block.Value + block.Value : "") + text[(block.Index + block.Length)..];
        }
        if (random.Next(25) == 0 && VersionPattern().Match(text) is { Success: true } version)
        {
            var declared = random.Next(2) == 0 ? _numbers[random.Next(_numbers.Length)] : Any(random);
            log.Add($"version=\"{version.Groups["value"].Value}\" -> \"{Short(declared)}\"");
            return text[..version.Groups["value"].Index] + Escape(declared) + text[(version.Groups["value"].Index + version.Groups["value"].Length)..];
        }
        var leaves = LeafPattern().Matches(text);
        if (leaves.Count == 0)
        {
            return text;
        }
        var leaf = leaves[random.Next(leaves.Count)];
        var name = leaf.Groups["name"].Value;
        var attributes = leaf.Groups["attrs"].Value;
        var value = leaf.Groups["text"].Value;
        var isLine = name.EndsWith("Line", StringComparison.Ordinal);
        string Element(string attrs, string content) => $"<{name}{attrs}>{content}</{name}>";
        var replacement = random.Next(10) switch
        {
            < 4 when isLine => Element(attributes, Escape(MutateTokens(value.Trim(), random) ?? "")),
            < 4 => Element(attributes, Escape(Value(name, random))),
            4 => Element($" units=\"{Escape(_units[random.Next(_units.Length)])}\"", value),
            5 => "",
            6 => leaf.Value + leaf.Value,
            7 => Element(attributes, ""),
            8 => Element("", Escape(Value(name, random))),
            _ => $"<{name}{attributes}/>",
        };
        log.Add($"<{name}>: '{Short(leaf.Value)}' -> '{Short(replacement)}'");
        _lastChange = leaf.Index;
        return text[..leaf.Index] + replacement + text[(leaf.Index + leaf.Length)..];
    }

    /// <summary>A data line (ephemeris, covariance, trajectory, maneuver) with one token changed, removed or added; or none.</summary>
    private string? MutateTokens(string line, Random random)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0)
        {
            return line;
        }
        var at = random.Next(tokens.Count);
        switch (random.Next(8))
        {
            case < 5:
                tokens[at] = at == 0 ? Time(random) : random.Next(4) == 0 ? Any(random) : _numbers[random.Next(_numbers.Length)];
                break;
            case 5:
                tokens.RemoveAt(at);
                break;
            case 6:
                tokens.Insert(at, _numbers[random.Next(_numbers.Length)]);
                break;
            default:
                return random.Next(2) == 0 ? null : line + "\n" + line;
        }
        return string.Join(' ', tokens.Select(token => token.Length == 0 ? "\"\"" : token.Replace(' ', '_')));
    }

    /// <summary>A value that suits the keyword more often than not: times for times, time systems for TIME_SYSTEM, numbers for the rest.</summary>
    private string Value(string keyword, Random random)
    {
        var roll = random.Next(10);
        if (keyword == "TIME_SYSTEM")
        {
            return roll < 8 ? TimeSystems[random.Next(TimeSystems.Length)] : Any(random);
        }
        if (keyword.Contains("EPOCH", StringComparison.Ordinal) || keyword.Contains("TIME", StringComparison.Ordinal) || keyword.Contains("DATE", StringComparison.Ordinal)
            || keyword.EndsWith("_START", StringComparison.Ordinal) || keyword.EndsWith("_STOP", StringComparison.Ordinal))
        {
            return roll < 7 ? Time(random) : Any(random);
        }
        if (keyword.Contains("COMPOSITION", StringComparison.Ordinal) || keyword.Contains("UNITS", StringComparison.Ordinal) || keyword.Contains("ID", StringComparison.Ordinal)
            || keyword.Contains("NAME", StringComparison.Ordinal) || keyword.Contains("FRAME", StringComparison.Ordinal))
        {
            return roll < 6 ? _texts[random.Next(_texts.Length)] : Any(random);
        }
        return roll < 7 ? _numbers[random.Next(_numbers.Length)] : Any(random);
    }

    private string Any(Random random) => random.Next(4) switch
    {
        0 => Time(random),
        1 => _numbers[random.Next(_numbers.Length)],
        2 => TimeSystems[random.Next(TimeSystems.Length)],
        _ => _texts[random.Next(_texts.Length)],
    };

    /// <summary>A date at an edge of the calendar, a plausible one near the maneuver (either form), or relative seconds.</summary>
    private string Time(Random random)
    {
        var plausible = near.AddSeconds(random.Next(-2 * 86400, 2 * 86400)).AddTicks(random.Next(10_000_000));
        return random.Next(6) switch
        {
            < 2 => _edgeTimes[random.Next(_edgeTimes.Length)],
            2 => plausible.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            3 => plausible.ToString("yyyy-", CultureInfo.InvariantCulture) + plausible.DayOfYear.ToString("000", CultureInfo.InvariantCulture)
                + plausible.ToString("'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
            4 => _numbers[random.Next(_numbers.Length)],
            _ => (random.NextDouble() * 7200 - 3600).ToString("R", CultureInfo.InvariantCulture),
        };
    }

    private static bool IsDataLine(string line) => line.Trim() is { Length: > 0 } trimmed && (char.IsAsciiDigit(trimmed[0]) || trimmed[0] == '-');

    private static string Line(string key, string value, string? unit) => unit is null ? $"{key} = {value}" : $"{key} = {value} [{unit}]";

    private static (string Value, string? Unit) SplitUnit(string value)
    {
        if (!value.EndsWith(']'))
        {
            return (value, null);
        }
        var open = value.LastIndexOf('[');
        return open < 0 ? (value, null) : (value[..open].TrimEnd(), value[(open + 1)..^1]);
    }

    private static string Escape(string value) => SecurityElement.Escape(value);

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + $"...({text.Length})";

    [GeneratedRegex(@"^(?<key>[A-Z0-9_]+)\s*=(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex KeyValuePattern();

    [GeneratedRegex(@"^[A-Z0-9]+(_[A-Z0-9]+)*_(START|STOP)$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<attrs>[^>/]*)>(?<text>[^<]*)</\k<name>>", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LeafPattern();

    [GeneratedRegex(@"<(?<name>segment|maneuverParameters|stateVector|covarianceMatrix|traj|cov|man|phys|od|user|userDefinedParameters)>.*?</\k<name>>",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"\bversion=""(?<value>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VersionPattern();
}
