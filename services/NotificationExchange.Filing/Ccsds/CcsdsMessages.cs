using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>What the exchange needs of CCSDS messages in every direction: reading them, naming them, their frames.</summary>
internal static class CcsdsMessages
{
    /// <summary>
    /// At most this many problems of one message are reported (the reader finds them all): with their descriptions cut
    /// to <see cref="MaxDescriptionLength"/>, the answer of a request holding two messages stays far below the 64 KB of
    /// headers and trailers clients accept (a 2 MB message could otherwise make one of megabytes, which no client receives).
    /// </summary>
    public const int MaxErrorsReported = 30;

    /// <summary>How a violation begins when a reader failed in a way it should not have (see <see cref="Read"/>).</summary>
    public const string UnreadableMarker = "the CCSDS reader could not read this message";

    /// <summary>The longest description of one error: errors quote the values they refuse, which may be as long as the message.</summary>
    private const int MaxDescriptionLength = 300;

    private const string UserDefinedPrefix = "USER_DEFINED_";

    /// <summary>Frames in which a Cartesian state gives meaningful osculating elements.</summary>
    private static readonly HashSet<string> _inertialFrames = ["EME2000", "J2000", "GCRF", "ICRF", "TEME", "TOD", "MOD"];

    /// <summary>Frames whose axes are radial, in-track (transverse) and cross-track, in that order.</summary>
    private static readonly HashSet<string> _rtnFrames = ["RTN", "RSW", "RIC", "QSW", "RSW_ROTATING", "RSW_INERTIAL", "RTN_ROTATING", "RTN_INERTIAL"];

    public static bool IsInertial(string frame) => _inertialFrames.Contains(frame.ToUpperInvariant());

    public static bool IsRtn(string frame) => _rtnFrames.Contains(frame.ToUpperInvariant());

    /// <summary>text/x-ccsds-opm for KVN, application/x-ccsds-opm+xml for XML (no IANA type exists for these messages).</summary>
    public static string MediaType(NdmMessageType type, CcsdsSyntax syntax)
    {
        var name = type.ToString().ToLowerInvariant();
        return syntax == CcsdsSyntax.Xml ? $"application/x-ccsds-{name}+xml" : $"text/x-ccsds-{name}";
    }

    /// <summary>
    /// Reads a message of one of the expected types, reporting a wrong type, or every error of the message, under
    /// <paramref name="field"/>.
    /// </summary>
    public static object? Read(string? text, string field, ValidationErrors errors, params NdmMessageType[] expected)
    {
        var names = string.Join(" or ", expected.Select(t => t.ToString().ToUpperInvariant()));
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"is required: a CCSDS {names}, KVN or XML");
            return null;
        }
        if (text.Length > Attachment.MaxLength)
        {
            errors.Add(field, $"is {text.Length} characters long; at most {Attachment.MaxLength} are kept");
            return null;
        }
        var type = NdmReader.DetectType(text, out var problem);
        if (problem is not null)
        {
            // XML that breaks before its type can be told: the XML error, with its line, is what the sender must fix
            errors.Add(field, Describe(problem));
            return null;
        }
        if (type is not { } detected || !expected.Contains(detected))
        {
            errors.Add(field, type is null
                ? $"is not a CCSDS message: expected a {names} (KVN starting with CCSDS_xxx_VERS, or XML)"
                : $"is a CCSDS {type.Value.ToString().ToUpperInvariant()}; expected a {names}");
            return null;
        }
        try
        {
            return NdmReader.Read(text);
        }
        catch (CcsdsFormatException e)
        {
            foreach (var error in e.Errors.Take(MaxErrorsReported))
            {
                errors.Add(field, Describe(error));
            }
            if (e.Errors.Count > MaxErrorsReported)
            {
                errors.Add(field, More(e.Errors.Count - MaxErrorsReported));
            }
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The readers throw nothing but CcsdsFormatException (the CCSDS tests hold them to that); should one ever
            // fail otherwise, it is still this text it could not read, and the sender is told so rather than UNKNOWN.
            errors.Add(field, Shorten($"{UnreadableMarker}: {e.GetType().Name}: {e.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Whether the exchange converts the epochs of <paramref name="timeSystem"/> to UTC (UTC, TAI, TT, GPS, TDB); when
    /// not, an error naming TIME_SYSTEM and its line in <paramref name="metadata"/>.
    /// </summary>
    public static bool ConvertsToUtc(string timeSystem, CcsdsBlock metadata, string field, ValidationErrors errors)
    {
        if (CcsdsTimeSystems.ConvertsToUtc(timeSystem))
        {
            return true;
        }
        Report(errors, field, metadata.LocationOf("TIME_SYSTEM"), "TIME_SYSTEM",
            $"{timeSystem} cannot be converted to UTC here; use UTC, TAI, TT, GPS or TDB");
        return false;
    }

    /// <summary>
    /// A time of a message in UTC; null, with an error under <paramref name="field"/> naming the keyword and line,
    /// when it cannot be converted: a time system the exchange does not convert, year 0000 (an elapsed time), a TAI,
    /// TT, GPS or TDB epoch before 1972 (no leap-second table), a result outside the years DateTime holds.
    /// </summary>
    public static DateTime? ToUtc(CcsdsTime time, string timeSystem, SourceLocation? location, string keyword, string field, ValidationErrors errors)
    {
        if (CcsdsTimeSystems.TryToUtc(time, timeSystem, out var utc, out var problem))
        {
            return utc;
        }
        Report(errors, field, location, keyword, $"cannot be converted to UTC: {problem}");
        return null;
    }

    /// <summary>
    /// A time of an OCM in UTC, a relative one counted from EPOCH_TZERO; null, with an error as the other
    /// <c>ToUtc</c> gives, when it cannot be had.
    /// </summary>
    public static DateTime? ToUtc(OcmMessage ocm, CcsdsTime time, SourceLocation? location, string keyword, string field, ValidationErrors errors)
    {
        if (!time.TryResolve(ocm.Metadata.EpochTzero, out var absolute))
        {
            Report(errors, field, location, keyword, $"{time} s after EPOCH_TZERO {ocm.Metadata.EpochTzero} is outside the years 0000 to 9999");
            return null;
        }
        return ToUtc(absolute, ocm.Metadata.TimeSystem, location, keyword, field, errors);
    }

    /// <summary>
    /// A number in one of the exchange's own user-defined parameters (USER_DEFINED_NX_...): null when absent; null,
    /// with an error naming the parameter and its line, when it is not a CCSDS number.
    /// </summary>
    public static double? UserNumber(UserDefinedParameters? parameters, string name, string field, ValidationErrors errors)
    {
        if (parameters?.Parameters.FirstOrDefault(p => p.Key == name).Value is not { } text)
        {
            return null;
        }
        if (CcsdsNumbers.TryParseDouble(text, out var value))
        {
            return value;
        }
        var keyword = UserDefinedPrefix + name;
        Report(errors, field, parameters.LocationOf(keyword), keyword, $"{Quoted.Value(text)} is not a number");
        return null;
    }

    /// <summary>
    /// The problems of one message, <paramref name="problems"/>, added to <paramref name="errors"/>: at most
    /// <see cref="MaxErrorsReported"/> of them, then how many more there are (the first ones say enough to fix).
    /// </summary>
    public static void Transfer(ValidationErrors problems, ValidationErrors errors)
    {
        var violations = problems.Violations;
        // the reader's own count of what it left out is kept with the errors it gave
        var shown = violations.Count <= MaxErrorsReported + 1 ? violations.Count : MaxErrorsReported;
        foreach (var violation in violations.Take(shown))
        {
            errors.Add(violation.Field, violation.Description);
        }
        if (shown < violations.Count)
        {
            errors.Add(violations[shown].Field, More(violations.Count - shown));
        }
    }

    private static string More(int count) => $"... and {count} more errors; fix these and file again to see the rest";

    /// <summary>A problem the exchange finds with a value of a message, named as the readers name theirs: line, keyword, what is wrong.</summary>
    public static void Report(ValidationErrors errors, string field, SourceLocation? location, string keyword, string message) =>
        errors.Add(field, Shorten(location is { } at ? $"{at}, {keyword}: {message}" : $"{keyword}: {message}"));

    /// <summary>The orbit of an inertial Cartesian state (km, km/s), as osculating elements at its epoch.</summary>
    public static MeanElementsOrbit? OrbitOfState(DateTime epoch, double x, double y, double z, double vx, double vy, double vz)
    {
        var elements = OsculatingElements.FromState(new Orbits.Geometry.StateVector(new Vector3d(x, y, z), new Vector3d(vx, vy, vz)));
        return elements is null
            ? null
            : new MeanElementsOrbit(epoch, elements.SemiMajorAxisKm, elements.Eccentricity, null, null,
                elements.InclinationDeg, elements.RaanDeg, elements.ArgOfPerigeeDeg, elements.MeanAnomalyDeg);
    }

    private static string Describe(CcsdsError error) => Shorten(error.Keyword is null
        ? $"{error.Location}: {error.Message} ({error.Kind})"
        : $"{error.Location}, {error.Keyword}: {error.Message} ({error.Kind})");

    /// <summary>
    /// A text of an error as the answer carries it: errors quote the values they refuse, and a value may be as long as
    /// the message; the answer's trailer must stay small enough for every client to receive it.
    /// </summary>
    private static string Shorten(string text)
    {
        if (text.Length <= MaxDescriptionLength)
        {
            return text;
        }
        // not between the halves of a surrogate pair
        var cut = char.IsHighSurrogate(text[MaxDescriptionLength - 1]) ? MaxDescriptionLength - 1 : MaxDescriptionLength;
        return $"{text[..cut]}... ({text.Length} characters)";
    }
}
