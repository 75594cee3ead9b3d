using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// The values nxc reads from its command line, one reader per kind of value, in the field's conventions (UTC ISO-8601
/// times, NORAD catalogue numbers with Alpha-5). A value that cannot be read throws <see cref="FormatException"/>
/// saying what was wrong, without the option's name: <see cref="ValueOptions"/> puts the name in front, as do the
/// KEY=VALUE lists (<c>Spec</c>) with the key, so that each failure is one line naming where it came from. What a
/// value means (a catalogue number out of range, a window that has ended) is the exchange's to judge.
/// </summary>
internal static partial class Values
{
    public const string TimeHelp = "ISO-8601 UTC (2026-06-01T10:00:00Z) or relative to now (now+6h, now+1d2h30m)";

    public const string WindowHelp = "START/END, two times (2026-01-02T10:00:00Z/2026-01-02T11:00:00Z, now+1h/now+2h)";

    /// <summary>A UTC time: ISO-8601 with its zone (Z or an offset, converted to UTC), as nxc prints times
    /// ("2026-06-01 10:00:00Z" too), or now, now+6h, now-30m, now+1d2h30m15s. A time without a zone would be read in
    /// the machine's zone, which is never what an operator means.</summary>
    public static Timestamp Time(string text) => Timestamp.FromDateTimeOffset(TimeAt(text, Now.Value ?? DateTimeOffset.UtcNow));

    /// <summary>"now" for one command line, set as it is parsed: every relative time of it counts from the same
    /// instant, so that --window-start now+6h --window-end now+6h30m is 30 minutes to the tick.</summary>
    internal static readonly AsyncLocal<DateTimeOffset?> Now = new();

    internal static DateTimeOffset TimeAt(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        var relative = RelativeTime().Match(trimmed);
        if (relative.Success)
        {
            try
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
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
            {
                throw new FormatException($"'{text}' is too far from now for a time");
            }
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

    /// <summary>A time window, START/END (an ISO-8601 interval of two times as <see cref="Time"/> reads them).</summary>
    public static TimeWindow Window(string text)
    {
        var ends = text.Split('/');
        return ends.Length == 2
            ? new TimeWindow { Start = Time(ends[0]), End = Time(ends[1]) }
            : throw new FormatException($"'{text}' is not {WindowHelp}");
    }

    /// <summary>A duration as 90s, 15m, 4h, 2d or combined (1h30m), or ISO-8601 (PT15M).</summary>
    public static Duration Duration(string text)
    {
        var trimmed = text.Trim();
        try
        {
            if (trimmed.StartsWith('P'))
            {
                return Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(XmlConvert.ToTimeSpan(trimmed));
            }
            var match = ShortDuration().Match(trimmed);
            if (match.Success && trimmed.Length > 0)
            {
                static long Part(Group group) => group.Success ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
                return Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromDays(Part(match.Groups["d"])) + TimeSpan.FromHours(Part(match.Groups["h"]))
                    + TimeSpan.FromMinutes(Part(match.Groups["m"])) + TimeSpan.FromSeconds(Part(match.Groups["s"])));
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            // Read below as not a duration: XmlConvert's own message names .NET's types.
        }
        throw new FormatException($"'{text}' is not a duration such as 90s, 15m, 4h, 2d, 1h30m or PT15M");
    }

    /// <summary>A NORAD catalogue number: digits, or Alpha-5 (a letter but I or O, then four digits: A0000 is 100000,
    /// Z9999 is 339999), in either case, decoded as TLEs are (<see cref="TleParser.TryDecodeCatalogNumber"/>). Digits
    /// beyond Alpha-5's range are read: the exchange names the field that cannot hold them.</summary>
    public static uint Norad(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            return uint.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new FormatException($"'{text}' is too large for a NORAD catalogue number");
        }
        return trimmed.Length == 5 && char.IsAsciiLetter(trimmed[0]) && TleParser.TryDecodeCatalogNumber(trimmed.ToUpperInvariant(), out var alpha5)
            ? (uint)alpha5
            : throw new FormatException($"'{text}' is not a NORAD catalogue number (digits, or Alpha-5 such as A0001)");
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

    /// <summary>A file's path, not read yet (<see cref="ReadFile"/>); text that cannot be a path (empty, a NUL
    /// character) is refused here, where .NET would throw.</summary>
    public static FileInfo FilePath(string text)
    {
        try
        {
            return text.Length > 0 && !text.Contains('\0')
                ? new FileInfo(text)
                : throw new FormatException($"'{text}' is not a file's path");
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            throw new FormatException($"'{text}' is not a file's path: {Verb.OneLine(e.Message)}");
        }
    }

    /// <summary>
    /// The text of a file the command line names, read when the verb runs (not while parsing, which help and
    /// completion do too). A file that cannot be read is a <see cref="UsageException"/> naming the option and the file:
    /// "--from notice.json: cannot be read: Could not find file ...".
    /// </summary>
    public static string ReadFile(string path, string name)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var file = Path.GetFileName(path);
            throw new UsageException($"{name} {(file.Length > 0 ? file : $"'{path}'")}: cannot be read: {Verb.OneLine(e.Message)}");
        }
    }

    [GeneratedRegex(@"^now(?:(?<sign>[+-])(?<part>\d{1,9}(?:\.\d{1,9})?[smhd])+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"(?:Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Zoned();

    [GeneratedRegex(@"^(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortDuration();
}
