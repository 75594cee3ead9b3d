using System.Globalization;

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>
/// An OCM maneuver section: MAN_ID, why (MAN_PURPOSE) and on what basis (MAN_BASIS: CANDIDATE, PLANNED,
/// ANTICIPATED, TELEMETRY, DETERMINED, SIMULATED, OTHER), the frame, the duty cycle, and lines whose columns
/// MAN_COMPOSITION names (TIME_ABSOLUTE or TIME_RELATIVE first, then MAN_DURA, DV_X, DV_Y, DV_Z, THR_X, ...).
/// </summary>
public sealed class OcmManeuver : CcsdsBlock
{
    public string ManId { get; set; } = "";
    public string? ManPrevId { get; set; }
    public string? ManNextId { get; set; }
    public string? ManBasis { get; set; }
    public string? ManBasisId { get; set; }
    public string ManDeviceId { get; set; } = "ALL";
    public CcsdsTime? ManPrevEpoch { get; set; }
    public CcsdsTime? ManNextEpoch { get; set; }
    public string? ManPurpose { get; set; }
    public string? ManPredSource { get; set; }
    public string ManRefFrame { get; set; } = "RTN";
    public CcsdsTime? ManFrameEpoch { get; set; }
    public string? GravAssistName { get; set; }
    /// <summary>CONTINUOUS (the default when absent), TIME or TIME_AND_ANGLE.</summary>
    public string? DcType { get; set; }
    public CcsdsTime? DcWinOpen { get; set; }
    public CcsdsTime? DcWinClose { get; set; }
    public long? DcMinCycles { get; set; }
    public long? DcMaxCycles { get; set; }
    public CcsdsTime? DcExecStart { get; set; }
    public CcsdsTime? DcExecStop { get; set; }
    public CcsdsTime? DcRefTime { get; set; }
    public double? DcTimePulseDuration { get; set; }
    public double? DcTimePulsePeriod { get; set; }
    public string? DcRefDir { get; set; }
    public string? DcBodyFrame { get; set; }
    public string? DcBodyTrigger { get; set; }
    public double? DcPaStartAngle { get; set; }
    public double? DcPaStopAngle { get; set; }
    /// <summary>The fields of each line, in order.</summary>
    public List<string> ManComposition { get; set; } = [];
    /// <summary>The units of the non-time fields, in order.</summary>
    public List<string>? ManUnits { get; set; }
    public List<OcmManeuverLine> Lines { get; set; } = [];

    /// <summary>A line's value of a numeric field (DV_X, MAN_DURA, TIME_RELATIVE, ...); null when the composition lacks it.</summary>
    public double? GetNumber(OcmManeuverLine line, string field)
    {
        var index = ManComposition.IndexOf(field);
        return index < 0 || index >= line.Values.Count ? null : double.Parse(line.Values[index], CultureInfo.InvariantCulture);
    }

    /// <summary>A line's value of any field as written; null when the composition lacks it.</summary>
    public string? GetText(OcmManeuverLine line, string field)
    {
        var index = ManComposition.IndexOf(field);
        return index < 0 || index >= line.Values.Count ? null : line.Values[index];
    }

    /// <summary>A line's time: TIME_ABSOLUTE when the composition has it, else TIME_RELATIVE as a relative time.</summary>
    public CcsdsTime GetTime(OcmManeuverLine line) => GetText(line, "TIME_ABSOLUTE") is { } absolute
        ? CcsdsTime.Parse(absolute)
        : CcsdsTime.Relative(GetNumber(line, "TIME_RELATIVE") ?? throw new InvalidOperationException($"maneuver {ManId} has no time field"));

    /// <summary>Appends a line from values in composition order: CcsdsTime, numbers and text are written in CCSDS form.</summary>
    public OcmManeuverLine AddLine(params object[] values)
    {
        var line = new OcmManeuverLine
        {
            Values = [.. values.Select(value => value switch
            {
                CcsdsTime time => time.ToString(),
                double number => CcsdsNumbers.Format(number),
                int number => CcsdsNumbers.Format(number),
                long number => CcsdsNumbers.Format(number),
                string text => text,
                _ => throw new ArgumentException($"a maneuver value is a CcsdsTime, a number or text, not {value.GetType().Name}", nameof(values)),
            })],
        };
        Lines.Add(line);
        return line;
    }
}
