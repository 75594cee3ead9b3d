using NotificationExchange.Ccsds;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>What the exchange needs of CCSDS messages in every direction: reading them, naming them, their frames.</summary>
internal static class CcsdsMessages
{
    /// <summary>Frames in which a Cartesian state gives meaningful osculating elements.</summary>
    private static readonly HashSet<string> _inertialFrames = ["EME2000", "J2000", "GCRF", "ICRF", "TEME", "TOD", "MOD"];

    /// <summary>Frames whose axes are radial, in-track (transverse) and cross-track, in that order.</summary>
    private static readonly HashSet<string> _rtnFrames = ["RTN", "RSW", "RIC", "QSW", "RSW_ROTATING", "RSW_INERTIAL", "RTN_ROTATING", "RTN_INERTIAL"];

    public static bool IsInertial(string frame) => _inertialFrames.Contains(frame.ToUpperInvariant());

    public static bool IsRtn(string frame) => _rtnFrames.Contains(frame.ToUpperInvariant());

    public static CcsdsSyntax SyntaxOf(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? CcsdsSyntax.Xml : CcsdsSyntax.Kvn;

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
            foreach (var error in e.Errors)
            {
                errors.Add(field, Describe(error));
            }
            return null;
        }
    }

    /// <summary>An epoch of a message, in UTC; an error under <paramref name="field"/> when its time system cannot be converted.</summary>
    public static DateTime? ToUtc(CcsdsTime epoch, string timeSystem, string field, ValidationErrors errors)
    {
        if (!CcsdsTimeSystems.ConvertsToUtc(timeSystem))
        {
            errors.Add(field, $"TIME_SYSTEM {timeSystem} cannot be converted to UTC here; use UTC, TAI, TT, GPS or TDB");
            return null;
        }
        return CcsdsTimeSystems.ToUtc(epoch, timeSystem);
    }

    /// <summary>The orbit of an inertial Cartesian state (km, km/s), as osculating elements at its epoch.</summary>
    public static MeanElementsOrbit? OrbitOfState(DateTime epoch, double x, double y, double z, double vx, double vy, double vz)
    {
        var elements = OsculatingElements.FromState(new Orbits.Geometry.StateVector(new Vector3d(x, y, z), new Vector3d(vx, vy, vz)));
        return elements is null
            ? null
            : new MeanElementsOrbit(epoch, elements.SemiMajorAxisKm, elements.Eccentricity, null, null,
                elements.InclinationDeg, elements.RaanDeg, elements.ArgOfPerigeeDeg, elements.MeanAnomalyDeg);
    }

    private static string Describe(CcsdsError error) => error.Keyword is null
        ? $"{error.Location}: {error.Message} ({error.Kind})"
        : $"{error.Location}, {error.Keyword}: {error.Message} ({error.Kind})";
}
