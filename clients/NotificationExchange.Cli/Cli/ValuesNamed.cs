using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Cli;

/// <summary>
/// Values nxc reads from the command line and the files it names, in the field's conventions (UTC ISO-8601 times,
/// NORAD catalogue numbers with Alpha-5). Each failure is a <see cref="UsageException"/> naming the option or argument
/// and what was wrong, raised before anything is sent.
/// </summary>
internal static partial class Values
{
    /// <summary>A UTC time in ISO-8601 with its offset (2026-01-02T03:04:05Z, or +01:00): a time without one would be
    /// read in the machine's zone, which is never what an operator means.</summary>
    public static Timestamp UtcTime(string text, string name)
    {
        if (!ExplicitOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new UsageException($"{name}: '{text}' is not a UTC time in ISO-8601 with its zone, e.g. 2026-01-02T03:04:05Z");
        }
        return Timestamp.FromDateTimeOffset(time);
    }

    /// <summary>An ISO-8601 interval START/END of two UTC times.</summary>
    public static TimeWindow Window(string text, string name)
    {
        var ends = text.Split('/');
        if (ends.Length != 2)
        {
            throw new UsageException($"{name}: '{text}' is not START/END, e.g. 2026-01-02T10:00:00Z/2026-01-02T11:00:00Z");
        }
        return new TimeWindow { Start = UtcTime(ends[0], name), End = UtcTime(ends[1], name) };
    }

    /// <summary>A duration as 90s, 15m, 4h, 2d or combined (1h30m), or ISO-8601 (PT15M).</summary>
    public static Duration Duration(string text, string name)
    {
        TimeSpan span;
        if (text.StartsWith('P'))
        {
            try
            {
                span = System.Xml.XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                throw new UsageException($"{name}: '{text}' is not an ISO-8601 duration, e.g. PT15M");
            }
        }
        else
        {
            var match = ShortDuration().Match(text);
            if (!match.Success || text.Length == 0)
            {
                throw new UsageException($"{name}: '{text}' is not a duration such as 90s, 15m, 4h, 2d or 1h30m");
            }
            static long Part(Group group) => group.Success ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
            span = TimeSpan.FromDays(Part(match.Groups["d"])) + TimeSpan.FromHours(Part(match.Groups["h"]))
                + TimeSpan.FromMinutes(Part(match.Groups["m"])) + TimeSpan.FromSeconds(Part(match.Groups["s"]));
        }
        return Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(span);
    }

    /// <summary>A NORAD catalogue number: digits, or Alpha-5 (A0000 to Z9999, no I or O). Its range is the
    /// exchange's to check, which names the field.</summary>
    public static uint Norad(string text, string name)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new UsageException($"{name}: {text} is too large for a catalogue number (1 to 339999)");
        }
        return TleParser.TryDecodeCatalogNumber(text, out var alpha5) && text.Length == 5
            ? (uint)alpha5
            : throw new UsageException($"{name}: '{text}' is not a NORAD catalogue number (digits, or Alpha-5 such as A0001)");
    }

    /// <summary>A text file's content; a missing or unreadable file is a usage error naming the option.</summary>
    public static string ReadFile(FileInfo file, string name)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{name}: cannot read {file.FullName}: {Verb.OneLine(e.Message)}");
        }
    }

    [GeneratedRegex(@"(Z|z|[+-]\d\d(:?\d\d)?)$")]
    private static partial Regex ExplicitOffset();

    [GeneratedRegex(@"^(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$")]
    private static partial Regex ShortDuration();
}
