using System.Text.RegularExpressions;

namespace NotificationExchange.Ccsds;

/// <summary>Reference frames and international designators as the CCSDS messages name them.</summary>
public static partial class CcsdsVocabulary
{
    private static readonly HashSet<string> _celestialFrames =
    [
        // SANA celestial body reference frames and the names ODM 1.0/2.0 used
        "EME2000", "J2000", "B1950", "GCRF", "GRC", "ICRF", "ICRF1", "ICRF2", "ICRF3", "ITRF", "MCI", "TDR", "TEME", "TOD", "MOD",
        "GTOD", "CIRF", "TIRF", "EFG", "ECLIPJ2000", "ECLIPB1950",
    ];

    private static readonly HashSet<string> _orbitRelativeFrames =
    [
        "RTN", "RSW", "RIC", "TNW", "NTW", "QSW", "LVLH", "VVLH", "TVN", "VNC", "NSW", "EQW", "PQW", "SEZ",
    ];

    public static bool IsKnownFrame(string frame, FrameKinds kinds)
    {
        if (kinds.HasFlag(FrameKinds.Celestial) && (_celestialFrames.Contains(frame) || ItrfPattern().IsMatch(frame)))
        {
            return true;
        }
        if (kinds.HasFlag(FrameKinds.OrbitRelative))
        {
            var baseName = frame.EndsWith("_INERTIAL", StringComparison.Ordinal) ? frame[..^"_INERTIAL".Length]
                : frame.EndsWith("_ROTATING", StringComparison.Ordinal) ? frame[..^"_ROTATING".Length]
                : frame;
            if (_orbitRelativeFrames.Contains(baseName))
            {
                return true;
            }
        }
        return kinds.HasFlag(FrameKinds.SpacecraftBody) && BodyFramePattern().IsMatch(frame);
    }

    /// <summary>
    /// An international (COSPAR) designator YYYY-NNNP{PP}, for instance 1998-067A; "UNKNOWN" is also accepted, since
    /// catalogues publish objects whose designator is not known.
    /// </summary>
    public static bool IsInternationalDesignator(string value) => value == "UNKNOWN" || DesignatorPattern().IsMatch(value);

    [GeneratedRegex(@"^ITRF(-?[0-9]{2}|[0-9]{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItrfPattern();

    // SANA spacecraft body reference frames: an equipment and its label (GYRO is ADM 1.0's name for GYRO_FRAME)
    [GeneratedRegex(@"^(ACC|ACTUATOR|AST|CSS|DSS|ESA|GYRO|GYRO_FRAME|IMU_FRAME|INSTRUMENT|MTA|RW|SA|SC_BODY|SENSOR|STARTRACKER|TAM)_[A-Z0-9]+\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex BodyFramePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{3}[A-Z]{1,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DesignatorPattern();
}
