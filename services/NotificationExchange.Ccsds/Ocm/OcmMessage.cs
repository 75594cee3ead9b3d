using System.Globalization;

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>OCM metadata (ODM 3.0): who and what, and the time reference every relative time of the message counts from.</summary>
public sealed class OcmMetadata : CcsdsBlock
{
    public string? ObjectName { get; set; }
    /// <summary>YYYY-NNNP{PP}.</summary>
    public string? InternationalDesignator { get; set; }
    public string? CatalogName { get; set; }
    public string? ObjectDesignator { get; set; }
    public string? AlternateNames { get; set; }
    public string? OriginatorPoc { get; set; }
    public string? OriginatorPosition { get; set; }
    public string? OriginatorPhone { get; set; }
    public string? OriginatorEmail { get; set; }
    public string? OriginatorAddress { get; set; }
    public string? TechOrg { get; set; }
    public string? TechPoc { get; set; }
    public string? TechPosition { get; set; }
    public string? TechPhone { get; set; }
    public string? TechEmail { get; set; }
    public string? TechAddress { get; set; }
    public string? PreviousMessageId { get; set; }
    public string? NextMessageId { get; set; }
    public string? AdmMsgLink { get; set; }
    public string? CdmMsgLink { get; set; }
    public string? PrmMsgLink { get; set; }
    public string? RdmMsgLink { get; set; }
    public string? TdmMsgLink { get; set; }
    public string? Operator { get; set; }
    public string? Owner { get; set; }
    public string? Country { get; set; }
    public string? Constellation { get; set; }
    public string? ObjectType { get; set; }
    public string TimeSystem { get; set; } = CcsdsTimeSystems.Utc;
    /// <summary>The epoch relative times (trajectory, covariance and maneuver lines, OD_EPOCH, ...) count from.</summary>
    public CcsdsTime EpochTzero { get; set; }
    public string? OpsStatus { get; set; }
    public string? OrbitCategory { get; set; }
    public string? OcmDataElements { get; set; }
    public double? SclkOffsetAtEpoch { get; set; }
    public double? SclkSecPerSiSec { get; set; }
    public CcsdsTime? PreviousMessageEpoch { get; set; }
    public CcsdsTime? NextMessageEpoch { get; set; }
    public CcsdsTime? StartTime { get; set; }
    public CcsdsTime? StopTime { get; set; }
    /// <summary>Days.</summary>
    public double? TimeSpan { get; set; }
    public double? TaimutcAtTzero { get; set; }
    public CcsdsTime? NextLeapEpoch { get; set; }
    public double? NextLeapTaimutc { get; set; }
    public double? Ut1mutcAtTzero { get; set; }
    public string? EopSource { get; set; }
    public string? InterpMethodEop { get; set; }
    public string? CelestialSource { get; set; }
}

/// <summary>A line of an OCM trajectory or covariance section: a time (absolute, or seconds after EPOCH_TZERO) and its values.</summary>
public sealed class OcmStateLine
{
    public OcmStateLine()
    {
    }

    internal OcmStateLine(SourceLocation location) => Location = location;

    /// <summary>Where a reader found this line; null for a line built in code.</summary>
    public SourceLocation? Location { get; }

    public CcsdsTime Time { get; set; }
    public List<double> Values { get; set; } = [];
}

/// <summary>An OCM trajectory section: a time history of orbit states of type TRAJ_TYPE (CARTPV by default).</summary>
public sealed class OcmTrajectory : CcsdsBlock
{
    public string? TrajId { get; set; }
    public string? TrajPrevId { get; set; }
    public string? TrajNextId { get; set; }
    /// <summary>PREDICTED, DETERMINED, TELEMETRY, SIMULATED, OTHER (files in use write other words too).</summary>
    public string? TrajBasis { get; set; }
    public string? TrajBasisId { get; set; }
    public string? Interpolation { get; set; }
    public int? InterpolationDegree { get; set; }
    public string? Propagator { get; set; }
    /// <summary>Absent means EARTH.</summary>
    public string? CenterName { get; set; }
    /// <summary>Absent means ICRF.</summary>
    public string? TrajRefFrame { get; set; }
    public CcsdsTime? TrajFrameEpoch { get; set; }
    public CcsdsTime? UseableStartTime { get; set; }
    public CcsdsTime? UseableStopTime { get; set; }
    public double? OrbRevnum { get; set; }
    public string? OrbRevnumBasis { get; set; }
    /// <summary>Absent means CARTPV.</summary>
    public string? TrajType { get; set; }
    public string? OrbAveraging { get; set; }
    public List<string>? TrajUnits { get; set; }
    public List<OcmStateLine> Lines { get; set; } = [];

    public string EffectiveTrajType => TrajType ?? "CARTPV";
}

/// <summary>An OCM covariance section: a time history of covariance matrices of COV_TYPE, ordered by COV_ORDERING (LTM by default).</summary>
public sealed class OcmCovariance : CcsdsBlock
{
    public string? CovId { get; set; }
    public string? CovPrevId { get; set; }
    public string? CovNextId { get; set; }
    public string? CovBasis { get; set; }
    public string? CovBasisId { get; set; }
    public string? CovRefFrame { get; set; }
    public CcsdsTime? CovFrameEpoch { get; set; }
    public double? CovScaleMin { get; set; }
    public double? CovScaleMax { get; set; }
    public double? CovConfidence { get; set; }
    public string? CovType { get; set; }
    /// <summary>LTM (default), UTM, FULL, LTMWCC or UTMWCC.</summary>
    public string? CovOrdering { get; set; }
    public List<string>? CovUnits { get; set; }
    public List<OcmStateLine> Lines { get; set; } = [];
}

/// <summary>A line of an OCM maneuver section: one value per MAN_COMPOSITION field, as written.</summary>
public sealed class OcmManeuverLine
{
    public OcmManeuverLine()
    {
    }

    internal OcmManeuverLine(SourceLocation location) => Location = location;

    /// <summary>Where a reader found this line; null for a line built in code.</summary>
    public SourceLocation? Location { get; }

    public List<string> Values { get; set; } = [];
}

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

/// <summary>
/// A section of keywords (physical characteristics, perturbations, orbit determination) kept as the canonical text of
/// each value, checked against the standard's types and units when read, in the standard's order when written.
/// </summary>
public sealed class OcmKeywordSection : CcsdsBlock
{
    public List<KeyValuePair<string, string>> Values { get; set; } = [];

    public string? Get(string keyword) => Values.FirstOrDefault(pair => pair.Key == keyword).Value;

    public double? GetNumber(string keyword) => Get(keyword) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    public CcsdsTime? GetTime(string keyword) => Get(keyword) is { } text ? CcsdsTime.Parse(text, allowRelative: true) : null;

    public void Set(string keyword, string value)
    {
        Values.RemoveAll(pair => pair.Key == keyword);
        Values.Add(new(keyword, value));
    }
}

/// <summary>An Orbit Comprehensive Message (ODM 3.0).</summary>
public sealed class OcmMessage
{
    public OdmHeader Header { get; set; } = new() { Version = "3.0" };
    public OcmMetadata Metadata { get; set; } = new();
    public List<OcmTrajectory> Trajectories { get; set; } = [];
    public OcmKeywordSection? Physical { get; set; }
    public List<OcmCovariance> Covariances { get; set; } = [];
    public List<OcmManeuver> Maneuvers { get; set; } = [];
    public OcmKeywordSection? Perturbations { get; set; }
    public OcmKeywordSection? OrbitDetermination { get; set; }
    public UserDefinedParameters? UserDefined { get; set; }

    /// <summary>A time of the message made absolute: relative times count from EPOCH_TZERO.</summary>
    public CcsdsTime Resolve(CcsdsTime time) => time.Resolve(Metadata.EpochTzero);
}
