using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// The values nxc reads from its command line, and options that read them. A value that cannot be read is a parse
/// error naming the option ("--window-start: 'tomorrow' is not ..."), so nothing is sent (exit status 2); what the
/// value means (a catalogue number out of range, a window that has ended) is the exchange's to judge.
/// </summary>
internal static partial class Values
{
    public const string TimeHelp = "ISO-8601 UTC (2026-06-01T10:00:00Z) or relative to now (now+6h, now+1d2h30m)";

    /// <summary>An option whose one value <paramref name="parse"/> reads; it throws <see cref="FormatException"/> with
    /// what was wrong. Given more than once, the last one counts (a script may add to a command line it was given).</summary>
    public static Option<T?> Scalar<T>(string name, string description, Func<string, T> parse, string? helpName = null)
        where T : struct =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => Read(result, name, token => (T?)parse(token)),
        };

    /// <summary>As <see cref="Scalar{T}"/>, for a reference type.</summary>
    public static Option<T?> Reference<T>(string name, string description, Func<string, T> parse, string? helpName = null)
        where T : class =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => Read(result, name, parse),
        };

    /// <summary>An option that may be repeated, each value read by <paramref name="parse"/>; with
    /// <paramref name="commaLists"/> a value may also list several, separated by commas.</summary>
    public static Option<T[]> List<T>(string name, string description, Func<string, T> parse, bool commaLists = true, string? helpName = null) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result =>
            {
                var values = new List<T>();
                foreach (var token in result.Tokens)
                {
                    var parts = commaLists ? token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [token.Value];
                    foreach (var part in parts)
                    {
                        try
                        {
                            values.Add(parse(part));
                        }
                        catch (FormatException e)
                        {
                            result.AddError($"{name}: {e.Message}");
                            return [];
                        }
                    }
                }
                return values.ToArray();
            },
        };

    /// <summary>A plain text option; the last one given counts.</summary>
    public static Option<string?> Text(string name, string description, string? helpName = null) =>
        Reference(name, description, text => text, helpName);

    private static T? Read<T>(ArgumentResult result, string name, Func<string, T?> parse)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        try
        {
            return parse(token);
        }
        catch (FormatException e)
        {
            result.AddError($"{name}: {e.Message}");
            return default;
        }
    }

    /// <summary>Whether the command line gave <paramref name="option"/> (a default is not given).</summary>
    public static bool Given(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>A UTC time: ISO-8601 with its zone (Z or an offset, converted to UTC), as nxc prints times
    /// ("2026-06-01 10:00:00Z" too), or now, now+6h, now-30m, now+1d2h30m15s.</summary>
    public static Timestamp Time(string text) => Timestamp.FromDateTimeOffset(TimeAt(text, DateTimeOffset.UtcNow));

    internal static DateTimeOffset TimeAt(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        var relative = RelativeTime().Match(trimmed);
        if (relative.Success)
        {
            var offset = TimeSpan.Zero;
            foreach (Capture part in relative.Groups["part"].Captures)
            {
                var amount = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
                offset += char.ToLowerInvariant(part.Value[^1]) switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            }
            return relative.Groups["sign"].Value == "-" ? now - offset : now + offset;
        }
        if (!Zoned().IsMatch(trimmed))
        {
            throw new FormatException($"'{text}' has no time zone: end it with Z for UTC ({TimeHelp})");
        }
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new FormatException($"'{text}' is not a time ({TimeHelp})");
        }
        return time.ToUniversalTime();
    }

    /// <summary>A NORAD catalogue number: digits, or Alpha-5 (a letter but I or O, then four digits: A0000 is 100000,
    /// Z9999 is 339999).</summary>
    public static uint Norad(string text)
    {
        var trimmed = text.Trim();
        if (uint.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        if (trimmed.Length == 5 && char.IsAsciiLetter(trimmed[0]) && trimmed[1..].All(char.IsAsciiDigit))
        {
            var letter = char.ToUpperInvariant(trimmed[0]);
            if (letter is not ('I' or 'O'))
            {
                // A=10 ... H=17, J=18 ... N=22, P=23 ... Z=33: the alphabet without I and O.
                var value = 10 + (letter - 'A') - (letter > 'I' ? 1 : 0) - (letter > 'O' ? 1 : 0);
                return (uint)(value * 10000 + int.Parse(trimmed[1..], CultureInfo.InvariantCulture));
            }
        }
        throw new FormatException($"'{text}' is not a NORAD catalogue number (digits, or Alpha-5 such as A0001)");
    }

    /// <summary>A decimal number, with a point whatever the culture.</summary>
    public static double Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{text}' is not a number");

    /// <summary>A whole number at least 0.</summary>
    public static uint Count(string text) =>
        uint.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a whole number");

    /// <summary>A log sequence number.</summary>
    public static ulong Sequence(string text) =>
        ulong.TryParse(text.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a sequence number");

    /// <summary>Radial, in-track and cross-track components: "R,T,N", e.g. 0,0.35,0.</summary>
    public static RtnVector Rtn(string text)
    {
        var parts = text.Split(',', '/');
        return parts.Length == 3
            ? new RtnVector { Radial = Number(parts[0]), InTrack = Number(parts[1]), CrossTrack = Number(parts[2]) }
            : throw new FormatException($"'{text}' is not three components R,T,N (e.g. 0,0.35,0)");
    }

    /// <summary>A point: "LAT,LON" in degrees.</summary>
    public static GeoPoint Point(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 2
            ? new GeoPoint { LatitudeDeg = Number(parts[0]), LongitudeDeg = Number(parts[1]) }
            : throw new FormatException($"'{text}' is not LAT,LON in degrees (e.g. 5.24,-52.77)");
    }

    [GeneratedRegex(@"^now(?:(?<sign>[+-])(?<part>\d+(?:\.\d+)?[smhd])+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"(?:Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Zoned();
}
