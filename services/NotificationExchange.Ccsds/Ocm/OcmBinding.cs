using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Ocm;

/// <summary>The OCM's keyword maps and its binding between the node tree and <see cref="OcmMessage"/>, for every syntax.</summary>
internal static class OcmBinding
{
    public static readonly MessageKind Kind = new("ocm", "CCSDS_OCM_VERS", ["3.0"]);

    /// <summary>Values per state of the SANA orbital element sets (for TRAJ_TYPE and COV_TYPE).</summary>
    public static readonly Dictionary<string, int> ElementCounts = new()
    {
        ["ADBARV"] = 6,
        ["CARTP"] = 3,
        ["CARTPV"] = 6,
        ["CARTPVA"] = 9,
        ["DELAUNAY"] = 6,
        ["DELAUNAYMOD"] = 6,
        ["EIGVAL3EIGVEC3"] = 12,
        ["EQUINOCTIAL"] = 6,
        ["EQUINOCTIALMOD"] = 6,
        ["GEODETIC"] = 3,
        ["KEPLERIAN"] = 6,
        ["KEPLERIANMEAN"] = 6,
        ["LDBARV"] = 6,
        ["ONSTATION"] = 6,
        ["POINCARE"] = 6,
    };

    /// <summary>The maneuver line fields of ODM 3.0; all numeric except the three text ones.</summary>
    private static readonly HashSet<string> _maneuverFields =
    [
        "TIME_ABSOLUTE", "TIME_RELATIVE", "MAN_DURA", "DELTA_MASS", "ACC_X", "ACC_Y", "ACC_Z", "ACC_INTERP", "ACC_MAG_SIGMA",
        "ACC_DIR_SIGMA", "DV_X", "DV_Y", "DV_Z", "DV_MAG_SIGMA", "DV_DIR_SIGMA", "THR_X", "THR_Y", "THR_Z", "THR_EFFIC",
        "THR_INTERP", "THR_ISP", "THR_MAG_SIGMA", "THR_DIR_SIGMA", "DEPLOY_ID", "DEPLOY_DV_X", "DEPLOY_DV_Y", "DEPLOY_DV_Z",
        "DEPLOY_MASS", "DEPLOY_DV_SIGMA", "DEPLOY_DIR_SIGMA", "DEPLOY_DV_RATIO", "DEPLOY_DV_CDA",
    ];

    private static readonly HashSet<string> _textManeuverFields = ["DEPLOY_ID", "ACC_INTERP", "THR_INTERP"];

    /// <summary>
    /// MAN_BASIS as Orekit writes it (its ManBasis enumeration) where 502.0-B-3 spells it otherwise: a maneuver
    /// determined from telemetry is TELEMETRY, one determined by orbit determination is DETERMINED.
    /// </summary>
    private static readonly Dictionary<string, string> _manBasisAliases = new()
    {
        ["DETERMINED_TLM"] = "TELEMETRY",
        ["DETERMINED_OD"] = "DETERMINED",
    };

    private static readonly Dictionary<string, string> _sectionNames = new()
    {
        ["TRAJ"] = "traj",
        ["PHYS"] = "phys",
        ["COV"] = "cov",
        ["MAN"] = "man",
        ["PERT"] = "pert",
        ["OD"] = "od",
        ["USER"] = "user",
    };

    public static readonly BlockMap<OcmMetadata> Metadata = new BlockMap<OcmMetadata>("metadata")
        .Text("OBJECT_NAME", m => m.ObjectName, (m, v) => m.ObjectName = v)
        .Designator("INTERNATIONAL_DESIGNATOR", m => m.InternationalDesignator, (m, v) => m.InternationalDesignator = v)
        .Text("CATALOG_NAME", m => m.CatalogName, (m, v) => m.CatalogName = v)
        .Text("OBJECT_DESIGNATOR", m => m.ObjectDesignator, (m, v) => m.ObjectDesignator = v)
        .Text("ALTERNATE_NAMES", m => m.AlternateNames, (m, v) => m.AlternateNames = v)
        .Text("ORIGINATOR_POC", m => m.OriginatorPoc, (m, v) => m.OriginatorPoc = v)
        .Text("ORIGINATOR_POSITION", m => m.OriginatorPosition, (m, v) => m.OriginatorPosition = v)
        .Text("ORIGINATOR_PHONE", m => m.OriginatorPhone, (m, v) => m.OriginatorPhone = v)
        .Text("ORIGINATOR_EMAIL", m => m.OriginatorEmail, (m, v) => m.OriginatorEmail = v)
        .Text("ORIGINATOR_ADDRESS", m => m.OriginatorAddress, (m, v) => m.OriginatorAddress = v)
        .Text("TECH_ORG", m => m.TechOrg, (m, v) => m.TechOrg = v)
        .Text("TECH_POC", m => m.TechPoc, (m, v) => m.TechPoc = v)
        .Text("TECH_POSITION", m => m.TechPosition, (m, v) => m.TechPosition = v)
        .Text("TECH_PHONE", m => m.TechPhone, (m, v) => m.TechPhone = v)
        .Text("TECH_EMAIL", m => m.TechEmail, (m, v) => m.TechEmail = v)
        .Text("TECH_ADDRESS", m => m.TechAddress, (m, v) => m.TechAddress = v)
        .Text("PREVIOUS_MESSAGE_ID", m => m.PreviousMessageId, (m, v) => m.PreviousMessageId = v)
        .Text("NEXT_MESSAGE_ID", m => m.NextMessageId, (m, v) => m.NextMessageId = v)
        .Text("ADM_MSG_LINK", m => m.AdmMsgLink, (m, v) => m.AdmMsgLink = v)
        .Text("CDM_MSG_LINK", m => m.CdmMsgLink, (m, v) => m.CdmMsgLink = v)
        .Text("PRM_MSG_LINK", m => m.PrmMsgLink, (m, v) => m.PrmMsgLink = v)
        .Text("RDM_MSG_LINK", m => m.RdmMsgLink, (m, v) => m.RdmMsgLink = v)
        .Text("TDM_MSG_LINK", m => m.TdmMsgLink, (m, v) => m.TdmMsgLink = v)
        .Text("OPERATOR", m => m.Operator, (m, v) => m.Operator = v)
        .Text("OWNER", m => m.Owner, (m, v) => m.Owner = v)
        .Text("COUNTRY", m => m.Country, (m, v) => m.Country = v)
        .Text("CONSTELLATION", m => m.Constellation, (m, v) => m.Constellation = v)
        .Text("OBJECT_TYPE", m => m.ObjectType, (m, v) => m.ObjectType = v)
        .TimeSystem("TIME_SYSTEM", m => m.TimeSystem, (m, v) => m.TimeSystem = v, mandatory: true)
        .Time("EPOCH_TZERO", m => m.EpochTzero, (m, v) => m.EpochTzero = v, mandatory: true)
        .Text("OPS_STATUS", m => m.OpsStatus, (m, v) => m.OpsStatus = v)
        .Text("ORBIT_CATEGORY", m => m.OrbitCategory, (m, v) => m.OrbitCategory = v)
        .Text("OCM_DATA_ELEMENTS", m => m.OcmDataElements, (m, v) => m.OcmDataElements = v)
        .Number("SCLK_OFFSET_AT_EPOCH", "s", m => m.SclkOffsetAtEpoch, (m, v) => m.SclkOffsetAtEpoch = v)
        .Number("SCLK_SEC_PER_SI_SEC", "s", m => m.SclkSecPerSiSec, (m, v) => m.SclkSecPerSiSec = v)
        .Time("PREVIOUS_MESSAGE_EPOCH", m => m.PreviousMessageEpoch, (m, v) => m.PreviousMessageEpoch = v)
        .Time("NEXT_MESSAGE_EPOCH", m => m.NextMessageEpoch, (m, v) => m.NextMessageEpoch = v)
        .Time("START_TIME", m => m.StartTime, (m, v) => m.StartTime = v)
        .Time("STOP_TIME", m => m.StopTime, (m, v) => m.StopTime = v)
        .Number("TIME_SPAN", "d", m => m.TimeSpan, (m, v) => m.TimeSpan = v, check: Checks.NonNegative)
        .Number("TAIMUTC_AT_TZERO", "s", m => m.TaimutcAtTzero, (m, v) => m.TaimutcAtTzero = v)
        // the next leap second may be one announced after this library's table was written
        .Time("NEXT_LEAP_EPOCH", m => m.NextLeapEpoch, (m, v) => m.NextLeapEpoch = v, announcedLeapSecond: true)
        .Number("NEXT_LEAP_TAIMUTC", "s", m => m.NextLeapTaimutc, (m, v) => m.NextLeapTaimutc = v)
        .Number("UT1MUTC_AT_TZERO", "s", m => m.Ut1mutcAtTzero, (m, v) => m.Ut1mutcAtTzero = v)
        .Text("EOP_SOURCE", m => m.EopSource, (m, v) => m.EopSource = v)
        .Text("INTERP_METHOD_EOP", m => m.InterpMethodEop, (m, v) => m.InterpMethodEop = v)
        .Text("CELESTIAL_SOURCE", m => m.CelestialSource, (m, v) => m.CelestialSource = v);

    public static readonly BlockMap<OcmTrajectory> Trajectory = new BlockMap<OcmTrajectory>("traj")
        .Text("TRAJ_ID", m => m.TrajId, (m, v) => m.TrajId = v)
        .Text("TRAJ_PREV_ID", m => m.TrajPrevId, (m, v) => m.TrajPrevId = v)
        .Text("TRAJ_NEXT_ID", m => m.TrajNextId, (m, v) => m.TrajNextId = v)
        .Text("TRAJ_BASIS", m => m.TrajBasis, (m, v) => m.TrajBasis = v)
        .Text("TRAJ_BASIS_ID", m => m.TrajBasisId, (m, v) => m.TrajBasisId = v)
        .Text("INTERPOLATION", m => m.Interpolation, (m, v) => m.Interpolation = v)
        .Integer("INTERPOLATION_DEGREE", m => m.InterpolationDegree, (m, v) => m.InterpolationDegree = (int)v, check: Checks.InterpolationDegree)
        .Text("PROPAGATOR", m => m.Propagator, (m, v) => m.Propagator = v)
        .Text("CENTER_NAME", m => m.CenterName, (m, v) => m.CenterName = v)
        .Frame("TRAJ_REF_FRAME", FrameKinds.Celestial, m => m.TrajRefFrame, (m, v) => m.TrajRefFrame = v)
        .Time("TRAJ_FRAME_EPOCH", m => m.TrajFrameEpoch, (m, v) => m.TrajFrameEpoch = v, allowRelative: true)
        .Time("USEABLE_START_TIME", m => m.UseableStartTime, (m, v) => m.UseableStartTime = v, allowRelative: true)
        .Time("USEABLE_STOP_TIME", m => m.UseableStopTime, (m, v) => m.UseableStopTime = v, allowRelative: true)
        .Number("ORB_REVNUM", null, m => m.OrbRevnum, (m, v) => m.OrbRevnum = v, check: Checks.NonNegative)
        .Choice("ORB_REVNUM_BASIS", ["0", "1"], m => m.OrbRevnumBasis, (m, v) => m.OrbRevnumBasis = v)
        .Add(Values.ChoiceField<OcmTrajectory>("TRAJ_TYPE", m => m.TrajType, (m, v) => m.TrajType = v, false, ElementSetProblem))
        .Text("ORB_AVERAGING", m => m.OrbAveraging, (m, v) => m.OrbAveraging = v)
        .Add(UnitsField<OcmTrajectory>("TRAJ_UNITS", m => m.TrajUnits, (m, v) => m.TrajUnits = v));

    public static readonly BlockMap<OcmCovariance> Covariance = new BlockMap<OcmCovariance>("cov")
        .Text("COV_ID", m => m.CovId, (m, v) => m.CovId = v)
        .Text("COV_PREV_ID", m => m.CovPrevId, (m, v) => m.CovPrevId = v)
        .Text("COV_NEXT_ID", m => m.CovNextId, (m, v) => m.CovNextId = v)
        .Text("COV_BASIS", m => m.CovBasis, (m, v) => m.CovBasis = v)
        .Text("COV_BASIS_ID", m => m.CovBasisId, (m, v) => m.CovBasisId = v)
        .Frame("COV_REF_FRAME", FrameKinds.Any, m => m.CovRefFrame, (m, v) => m.CovRefFrame = v, mandatory: true)
        .Time("COV_FRAME_EPOCH", m => m.CovFrameEpoch, (m, v) => m.CovFrameEpoch = v, allowRelative: true)
        .Number("COV_SCALE_MIN", null, m => m.CovScaleMin, (m, v) => m.CovScaleMin = v)
        .Number("COV_SCALE_MAX", null, m => m.CovScaleMax, (m, v) => m.CovScaleMax = v)
        .Number("COV_CONFIDENCE", "%", m => m.CovConfidence, (m, v) => m.CovConfidence = v, check: Checks.Percentage)
        .Add(Values.ChoiceField<OcmCovariance>("COV_TYPE", m => m.CovType, (m, v) => m.CovType = v, true, ElementSetProblem))
        .Choice("COV_ORDERING", ["LTM", "UTM", "FULL", "LTMWCC", "UTMWCC"], m => m.CovOrdering, (m, v) => m.CovOrdering = v)
        .Add(UnitsField<OcmCovariance>("COV_UNITS", m => m.CovUnits, (m, v) => m.CovUnits = v));

    public static readonly BlockMap<OcmManeuver> Maneuver = new BlockMap<OcmManeuver>("man")
        .Text("MAN_ID", m => m.ManId, (m, v) => m.ManId = v, mandatory: true)
        .Text("MAN_PREV_ID", m => m.ManPrevId, (m, v) => m.ManPrevId = v)
        .Text("MAN_NEXT_ID", m => m.ManNextId, (m, v) => m.ManNextId = v)
        .Choice("MAN_BASIS", ["CANDIDATE", "PLANNED", "ANTICIPATED", "TELEMETRY", "DETERMINED", "SIMULATED", "OTHER"], m => m.ManBasis, (m, v) => m.ManBasis = v,
            aliases: _manBasisAliases)
        .Text("MAN_BASIS_ID", m => m.ManBasisId, (m, v) => m.ManBasisId = v)
        .Text("MAN_DEVICE_ID", m => m.ManDeviceId, (m, v) => m.ManDeviceId = v, mandatory: true)
        .Time("MAN_PREV_EPOCH", m => m.ManPrevEpoch, (m, v) => m.ManPrevEpoch = v, allowRelative: true)
        .Time("MAN_NEXT_EPOCH", m => m.ManNextEpoch, (m, v) => m.ManNextEpoch = v, allowRelative: true)
        .Text("MAN_PURPOSE", m => m.ManPurpose, (m, v) => m.ManPurpose = v)
        .Text("MAN_PRED_SOURCE", m => m.ManPredSource, (m, v) => m.ManPredSource = v)
        .Frame("MAN_REF_FRAME", FrameKinds.Any, m => m.ManRefFrame, (m, v) => m.ManRefFrame = v, mandatory: true)
        .Time("MAN_FRAME_EPOCH", m => m.ManFrameEpoch, (m, v) => m.ManFrameEpoch = v, allowRelative: true)
        .Text("GRAV_ASSIST_NAME", m => m.GravAssistName, (m, v) => m.GravAssistName = v)
        .Choice("DC_TYPE", ["CONTINUOUS", "TIME", "TIME_AND_ANGLE"], m => m.DcType, (m, v) => m.DcType = v)
        .Time("DC_WIN_OPEN", m => m.DcWinOpen, (m, v) => m.DcWinOpen = v, allowRelative: true)
        .Time("DC_WIN_CLOSE", m => m.DcWinClose, (m, v) => m.DcWinClose = v, allowRelative: true)
        .Integer("DC_MIN_CYCLES", m => m.DcMinCycles, (m, v) => m.DcMinCycles = v, check: Checks.NonNegative)
        .Integer("DC_MAX_CYCLES", m => m.DcMaxCycles, (m, v) => m.DcMaxCycles = v, check: Checks.NonNegative)
        .Time("DC_EXEC_START", m => m.DcExecStart, (m, v) => m.DcExecStart = v, allowRelative: true)
        .Time("DC_EXEC_STOP", m => m.DcExecStop, (m, v) => m.DcExecStop = v, allowRelative: true)
        .Time("DC_REF_TIME", m => m.DcRefTime, (m, v) => m.DcRefTime = v, allowRelative: true)
        .Number("DC_TIME_PULSE_DURATION", "s", m => m.DcTimePulseDuration, (m, v) => m.DcTimePulseDuration = v, check: Checks.NonNegative)
        .Number("DC_TIME_PULSE_PERIOD", "s", m => m.DcTimePulsePeriod, (m, v) => m.DcTimePulsePeriod = v, check: Checks.NonNegative)
        .Text("DC_REF_DIR", m => m.DcRefDir, (m, v) => m.DcRefDir = v)
        // a spacecraft body frame (502.0-B-3 annex B, SANA spacecraft body reference frames), such as SC_BODY_1 or SENSOR_3
        .Frame("DC_BODY_FRAME", FrameKinds.SpacecraftBody, m => m.DcBodyFrame, (m, v) => m.DcBodyFrame = v)
        .Text("DC_BODY_TRIGGER", m => m.DcBodyTrigger, (m, v) => m.DcBodyTrigger = v)
        .Number("DC_PA_START_ANGLE", "deg", m => m.DcPaStartAngle, (m, v) => m.DcPaStartAngle = v)
        .Number("DC_PA_STOP_ANGLE", "deg", m => m.DcPaStopAngle, (m, v) => m.DcPaStopAngle = v)
        .Add(new Field<OcmManeuver>
        {
            Keyword = "MAN_COMPOSITION",
            Mandatory = true,
            // "[]" lists nothing: no value
            IsEmpty = entry => SplitList(entry.Raw).Count == 0,
            Parse = (entry, _) => SplitList(entry.Raw),
            Set = (m, v) => m.ManComposition = (List<string>)v,
            Get = m => m.ManComposition.Count == 0 ? null : m.ManComposition,
            Format = v => string.Join(", ", (List<string>)v),
        })
        .Add(UnitsField<OcmManeuver>("MAN_UNITS", m => m.ManUnits, (m, v) => m.ManUnits = v));

    public static readonly BlockMap<OcmKeywordSection> Physical = new BlockMap<OcmKeywordSection>("phys")
        .Add(Section.Text("MANUFACTURER")).Add(Section.Text("BUS_MODEL")).Add(Section.Text("DOCKED_WITH"))
        .Add(Section.Number("DRAG_CONST_AREA", "m**2", Checks.NonNegative)).Add(Section.Number("DRAG_COEFF_NOM", null))
        .Add(Section.Number("DRAG_UNCERTAINTY", "%", Checks.Percentage))
        .Add(Section.Number("INITIAL_WET_MASS", "kg", Checks.NonNegative)).Add(Section.Number("WET_MASS", "kg", Checks.NonNegative))
        .Add(Section.Number("DRY_MASS", "kg", Checks.NonNegative))
        .Add(Section.Frame("OEB_PARENT_FRAME")).Add(Section.Time("OEB_PARENT_FRAME_EPOCH"))
        .Add(Section.Number("OEB_Q1", null)).Add(Section.Number("OEB_Q2", null)).Add(Section.Number("OEB_Q3", null)).Add(Section.Number("OEB_QC", null))
        .Add(Section.Number("OEB_MAX", "m")).Add(Section.Number("OEB_INT", "m")).Add(Section.Number("OEB_MIN", "m"))
        .Add(Section.Number("AREA_ALONG_OEB_MAX", "m**2")).Add(Section.Number("AREA_ALONG_OEB_INT", "m**2")).Add(Section.Number("AREA_ALONG_OEB_MIN", "m**2"))
        .Add(Section.Number("AREA_MIN_FOR_PC", "m**2")).Add(Section.Number("AREA_MAX_FOR_PC", "m**2")).Add(Section.Number("AREA_TYP_FOR_PC", "m**2"))
        .Add(Section.Number("RCS", "m**2")).Add(Section.Number("RCS_MIN", "m**2")).Add(Section.Number("RCS_MAX", "m**2"))
        .Add(Section.Number("SRP_CONST_AREA", "m**2", Checks.NonNegative)).Add(Section.Number("SOLAR_RAD_COEFF", null))
        .Add(Section.Number("SOLAR_RAD_UNCERTAINTY", "%", Checks.Percentage))
        .Add(Section.Number("VM_ABSOLUTE", null)).Add(Section.Number("VM_APPARENT_MIN", null)).Add(Section.Number("VM_APPARENT", null))
        .Add(Section.Number("VM_APPARENT_MAX", null)).Add(Section.Number("REFLECTANCE", null, value => value is >= 0 and <= 1 ? null : "is not between 0 and 1"))
        .Add(Section.Text("ATT_CONTROL_MODE")).Add(Section.Text("ATT_ACTUATOR_TYPE"))
        .Add(Section.Number("ATT_KNOWLEDGE", "deg")).Add(Section.Number("ATT_CONTROL", "deg")).Add(Section.Number("ATT_POINTING", "deg"))
        .Add(Section.Number("AVG_MANEUVER_FREQ", "#/yr", Checks.NonNegative)).Add(Section.Number("MAX_THRUST", "N"))
        .Add(Section.Number("DV_BOL", "km/s")).Add(Section.Number("DV_REMAINING", "km/s"))
        .Add(Section.Number("IXX", "kg*m**2")).Add(Section.Number("IYY", "kg*m**2")).Add(Section.Number("IZZ", "kg*m**2"))
        .Add(Section.Number("IXY", "kg*m**2")).Add(Section.Number("IXZ", "kg*m**2")).Add(Section.Number("IYZ", "kg*m**2"));

    public static readonly BlockMap<OcmKeywordSection> Perturbations = new BlockMap<OcmKeywordSection>("pert")
        .Add(Section.Text("ATMOSPHERIC_MODEL")).Add(Section.Text("GRAVITY_MODEL"))
        .Add(Section.Number("EQUATORIAL_RADIUS", "km", Checks.Positive)).Add(Section.Number("GM", "km**3/s**2", Checks.Positive))
        .Add(Section.Text("N_BODY_PERTURBATIONS")).Add(Section.Number("CENTRAL_BODY_ROTATION", "deg/s"))
        .Add(Section.Number("OBLATE_FLATTENING", null, Checks.Positive))
        .Add(Section.Text("OCEAN_TIDES_MODEL")).Add(Section.Text("SOLID_TIDES_MODEL")).Add(Section.Text("REDUCTION_THEORY"))
        .Add(Section.Text("ALBEDO_MODEL")).Add(Section.Integer("ALBEDO_GRID_SIZE")).Add(Section.Text("SHADOW_MODEL"))
        .Add(Section.Text("SHADOW_BODIES")).Add(Section.Text("SRP_MODEL")).Add(Section.Text("SW_DATA_SOURCE"))
        .Add(Section.Time("SW_DATA_EPOCH")).Add(Section.Text("SW_INTERP_METHOD"))
        // 502.0-B-3 gives nT for Kp, as for Ap and Dst
        .Add(Section.Number("FIXED_GEOMAG_KP", "nT")).Add(Section.Number("FIXED_GEOMAG_AP", "nT")).Add(Section.Number("FIXED_GEOMAG_DST", "nT"))
        .Add(Section.Number("FIXED_F10P7", "SFU")).Add(Section.Number("FIXED_F10P7_MEAN", "SFU"))
        .Add(Section.Number("FIXED_M10P7", "SFU")).Add(Section.Number("FIXED_M10P7_MEAN", "SFU"))
        .Add(Section.Number("FIXED_S10P7", "SFU")).Add(Section.Number("FIXED_S10P7_MEAN", "SFU"))
        .Add(Section.Number("FIXED_Y10P7", "SFU")).Add(Section.Number("FIXED_Y10P7_MEAN", "SFU"));

    public static readonly BlockMap<OcmKeywordSection> OrbitDetermination = new BlockMap<OcmKeywordSection>("od")
        .Add(Section.Text("OD_ID", mandatory: true)).Add(Section.Text("OD_PREV_ID")).Add(Section.Text("OD_METHOD", mandatory: true))
        .Add(Section.Time("OD_EPOCH", mandatory: true))
        .Add(Section.Number("DAYS_SINCE_FIRST_OBS", "d", Checks.NonNegative)).Add(Section.Number("DAYS_SINCE_LAST_OBS", "d", Checks.NonNegative))
        .Add(Section.Number("RECOMMENDED_OD_SPAN", "d", Checks.NonNegative)).Add(Section.Number("ACTUAL_OD_SPAN", "d", Checks.NonNegative))
        .Add(Section.Integer("OBS_AVAILABLE")).Add(Section.Integer("OBS_USED")).Add(Section.Integer("TRACKS_AVAILABLE")).Add(Section.Integer("TRACKS_USED"))
        .Add(Section.Number("MAXIMUM_OBS_GAP", "d", Checks.NonNegative))
        .Add(Section.Number("OD_EPOCH_EIGMAJ", "m")).Add(Section.Number("OD_EPOCH_EIGINT", "m")).Add(Section.Number("OD_EPOCH_EIGMIN", "m"))
        .Add(Section.Number("OD_MAX_PRED_EIGMAJ", "m")).Add(Section.Number("OD_MIN_PRED_EIGMIN", "m"))
        .Add(Section.Number("OD_CONFIDENCE", "%", Checks.Percentage)).Add(Section.Number("GDOP", null, Checks.NonNegative))
        .Add(Section.Integer("SOLVE_N")).Add(Section.Text("SOLVE_STATES")).Add(Section.Integer("CONSIDER_N")).Add(Section.Text("CONSIDER_PARAMS"))
        .Add(Section.Number("SEDR", "W/kg", Checks.NonNegative)).Add(Section.Integer("SENSORS_N")).Add(Section.Text("SENSORS"))
        .Add(Section.Number("WEIGHTED_RMS", null, Checks.NonNegative)).Add(Section.Text("DATA_TYPES"));

    public static readonly BlockMap<UserDefinedParameters> User = new("user");

    public static string? SectionName(string marker) => _sectionNames.GetValueOrDefault(marker);

    public static OcmMessage Bind(Node root, ReadContext context)
    {
        var (segment, data) = Structure.SingleSegment(root, context, ["phys", "pert", "od", "user"], ["traj", "cov", "man"]);
        var message = new OcmMessage
        {
            Header = OdmMaps.ReadHeader(root, context),
            Metadata = Metadata.Read(segment?.Child("metadata"), context, segment?.Location ?? root.Location),
        };
        context.ReferenceEpoch = message.Metadata.LocationOf("EPOCH_TZERO") is null ? null : message.Metadata.EpochTzero;
        // Relative times count from EPOCH_TZERO, a mandatory metadata keyword: when it is missing that is reported once
        // with the metadata, not again at every relative time.
        foreach (var node in data?.ChildrenNamed("traj") ?? [])
        {
            message.Trajectories.Add(ReadTrajectory(node, context));
        }
        message.Physical = ReadSection(Physical, data, context);
        foreach (var node in data?.ChildrenNamed("cov") ?? [])
        {
            message.Covariances.Add(ReadCovariance(node, context));
        }
        foreach (var node in data?.ChildrenNamed("man") ?? [])
        {
            message.Maneuvers.Add(ReadManeuver(node, context));
        }
        message.Perturbations = ReadSection(Perturbations, data, context);
        message.OrbitDetermination = ReadSection(OrbitDetermination, data, context);
        message.UserDefined = data?.Child("user") is { } user ? User.Read(user, context, user.Location) : null;
        return message;
    }

    /// <summary>An empty section (XXX_START right before XXX_STOP) is accepted and read as empty, its mandatory keywords not asked for.</summary>
    private static OcmKeywordSection? ReadSection(BlockMap<OcmKeywordSection> map, Node? data, ReadContext context) =>
        data?.Child(map.Name) is not { } node ? null
        : node.IsEmpty ? new OcmKeywordSection()
        : map.Read(node, context, node.Location);

    private static OcmTrajectory ReadTrajectory(Node node, ReadContext context)
    {
        var trajectory = Trajectory.Read(node, context, node.Location);
        var type = trajectory.EffectiveTrajType;
        if (!ElementCounts.TryGetValue(type, out var count))
        {
            return trajectory;
        }
        CheckUnitCount(node, "TRAJ_UNITS", trajectory.TrajUnits, count, $"TRAJ_TYPE {type}", context);
        trajectory.Lines = ReadStateLines(node, count, $"TRAJ_TYPE {type} has {count} values per line", context);
        return trajectory;
    }

    private static OcmCovariance ReadCovariance(Node node, ReadContext context)
    {
        if (node.IsEmpty)
        {
            return new OcmCovariance();
        }
        var covariance = Covariance.Read(node, context, node.Location);
        if (covariance.CovType is null || !ElementCounts.TryGetValue(covariance.CovType, out var size))
        {
            return covariance;
        }
        var ordering = covariance.CovOrdering ?? "LTM";
        // LTM and UTM give one triangle; FULL, and LTMWCC and UTMWCC (covariances in one triangle, correlation
        // coefficients in the other), give the whole matrix
        var count = ordering is "LTM" or "UTM" ? size * (size + 1) / 2 : size * size;
        // COV_UNITS gives the unit of each element's standard deviation (the square root of each diagonal term): one
        // per element of COV_TYPE, whatever the ordering
        CheckUnitCount(node, "COV_UNITS", covariance.CovUnits, size, $"COV_TYPE {covariance.CovType}", context);
        covariance.Lines = ReadStateLines(node, count, $"COV_TYPE {covariance.CovType} in {ordering} order has {count} values per line", context);
        return covariance;
    }

    private static List<OcmStateLine> ReadStateLines(Node node, int count, string rule, ReadContext context)
    {
        var lines = new List<OcmStateLine>();
        foreach (var line in node.Lines)
        {
            var tokens = line.Tokens;
            if (tokens.Length != count + 1)
            {
                context.Error(CcsdsErrorKind.WrongColumnCount, line.Location, node.LineElement ?? node.Name,
                    $"{tokens.Length - 1} values after the time, but {rule}");
                continue;
            }
            var time = Values.ParseTime(tokens[0], allowRelative: true, line.Location, "TIME", context);
            var values = new List<double>();
            foreach (var token in tokens.Skip(1))
            {
                if (CcsdsNumbers.TryParseDouble(token, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    context.Error(CcsdsErrorKind.UnparsableNumber, line.Location, node.LineElement ?? node.Name, $"'{token}' is not a number");
                }
            }
            if (time is not null && values.Count == count)
            {
                lines.Add(new OcmStateLine(line.Location) { Time = time.Value, Values = values });
            }
        }
        return lines;
    }

    private static OcmManeuver ReadManeuver(Node node, ReadContext context)
    {
        var maneuver = Maneuver.Read(node, context, node.Location);
        var composition = maneuver.ManComposition;
        if (composition.Count == 0)
        {
            return maneuver;
        }
        var compositionEntry = node.Entries.First(entry => entry.Keyword == "MAN_COMPOSITION");
        foreach (var unknown in composition.Where(field => !_maneuverFields.Contains(field)))
        {
            context.Error(CcsdsErrorKind.UnknownKeyword, compositionEntry.Location, unknown, $"{unknown} is not an OCM maneuver field");
        }
        if (!composition.Contains("TIME_ABSOLUTE") && !composition.Contains("TIME_RELATIVE"))
        {
            context.Error(CcsdsErrorKind.MissingManeuverTime, compositionEntry.Location, "MAN_COMPOSITION",
                "MAN_COMPOSITION must include TIME_ABSOLUTE or TIME_RELATIVE");
        }
        var valueFields = composition.Count(field => field is not ("TIME_ABSOLUTE" or "TIME_RELATIVE"));
        CheckUnitCount(node, "MAN_UNITS", maneuver.ManUnits, valueFields, "MAN_COMPOSITION", context);
        foreach (var line in node.Lines)
        {
            var tokens = line.Tokens;
            if (tokens.Length != composition.Count)
            {
                context.Error(CcsdsErrorKind.WrongColumnCount, line.Location, node.LineElement ?? "manLine",
                    $"{tokens.Length} values, but MAN_COMPOSITION names {composition.Count} fields");
                continue;
            }
            var ok = true;
            for (var index = 0; index < tokens.Length; index++)
            {
                var field = composition[index];
                if (field == "TIME_ABSOLUTE")
                {
                    ok &= Values.ParseTime(tokens[index], false, line.Location, field, context) is not null;
                }
                if (field is not ("TIME_ABSOLUTE" or "DEPLOY_ID" or "ACC_INTERP" or "THR_INTERP"))
                {
                    if (!CcsdsNumbers.TryParseDouble(tokens[index], out var number))
                    {
                        context.Error(CcsdsErrorKind.UnparsableNumber, line.Location, field, $"'{tokens[index]}' is not a number");
                        ok = false;
                    }
                    else if (field == "TIME_RELATIVE")
                    {
                        ok &= Values.CheckRelative(number, line.Location, field, context);
                    }
                    else if (field == "MAN_DURA" && number < 0)
                    {
                        context.Error(CcsdsErrorKind.InvalidValue, line.Location, field, $"{tokens[index]} must not be negative: it is a duration");
                        ok = false;
                    }
                }
                if (field is "ACC_INTERP" or "THR_INTERP" && tokens[index] is not ("ON" or "OFF"))
                {
                    context.Error(CcsdsErrorKind.InvalidValue, line.Location, field, $"'{tokens[index]}' is not ON or OFF");
                    ok = false;
                }
            }
            if (ok)
            {
                maneuver.Lines.Add(new OcmManeuverLine(line.Location) { Values = [.. tokens.Select(Canonical)] });
            }
        }
        return maneuver;

        // numbers written as given would make 1.0 and 1 differ: keep numbers canonical, text as is
        static string Canonical(string token) =>
            CcsdsNumbers.TryParseDouble(token, out var number) ? CcsdsNumbers.Format(number)
            : CcsdsTime.TryParse(token, false, out var time, out _, out _) ? time.ToString()
            : token;
    }

    private static void CheckUnitCount(Node node, string keyword, List<string>? units, int expected, string rule, ReadContext context)
    {
        if (units is not null && units.Count != expected)
        {
            var entry = node.Entries.First(e => e.Keyword == keyword);
            context.Error(CcsdsErrorKind.WrongColumnCount, entry.Location, keyword, $"{units.Count} units, but {rule} has {expected} values");
        }
    }

    public static Node Write(OcmMessage message)
    {
        var root = OdmMaps.NewRoot(Kind, message.Header);
        var metadata = Metadata.Write(message.Metadata);
        metadata.KvnMarker = "META";
        var data = MessageWriting.AddSingleSegment(root, metadata);
        foreach (var trajectory in message.Trajectories)
        {
            var node = Framed(Trajectory.Write(trajectory), "TRAJ", "trajLine");
            trajectory.Lines.ForEach(line => node.AddNumberLine(line.Time.ToString(), line.Values, _ => "trajLine"));
            data.Items.Add(node);
        }
        if (message.Physical is not null)
        {
            data.Items.Add(Framed(Physical.Write(message.Physical), "PHYS"));
        }
        foreach (var covariance in message.Covariances)
        {
            var node = Framed(Covariance.Write(covariance), "COV", "covLine");
            covariance.Lines.ForEach(line => node.AddNumberLine(line.Time.ToString(), line.Values, _ => "covLine"));
            data.Items.Add(node);
        }
        foreach (var maneuver in message.Maneuvers)
        {
            var node = Framed(Maneuver.Write(maneuver), "MAN", "manLine");
            foreach (var line in maneuver.Lines)
            {
                RefuseUnwritableValues(node, maneuver, line);
                node.AddLine(string.Join(' ', line.Values));
            }
            data.Items.Add(node);
        }
        if (message.Perturbations is not null)
        {
            data.Items.Add(Framed(Perturbations.Write(message.Perturbations), "PERT"));
        }
        if (message.OrbitDetermination is not null)
        {
            data.Items.Add(Framed(OrbitDetermination.Write(message.OrbitDetermination), "OD"));
        }
        if (message.UserDefined is not null)
        {
            data.Items.Add(Framed(User.Write(message.UserDefined), "USER"));
        }
        return root;
    }

    /// <summary>
    /// A maneuver line's values are blank-separated tokens: one that is empty or holds a blank would shift the columns
    /// after it, and a number that is not finite (AddLine formats NaN as "NaN") is no CCSDS number. Both are refused by
    /// field here; anything else the reader refuses is reported when the writer reads its text back.
    /// </summary>
    private static void RefuseUnwritableValues(Node node, OcmManeuver maneuver, OcmManeuverLine line)
    {
        for (var index = 0; index < line.Values.Count; index++)
        {
            var field = index < maneuver.ManComposition.Count ? maneuver.ManComposition[index] : "manLine";
            var value = line.Values[index];
            if (value.Length == 0 || value.Any(char.IsWhiteSpace))
            {
                node.Refuse(field, $"'{value}' is not one value of a maneuver line (empty, or holds blanks)");
            }
            else if (value is "NaN" or "Infinity" or "-Infinity")
            {
                node.Refuse(field, $"{value} is not a number a CCSDS message can hold");
            }
        }
    }

    private static Node Framed(Node node, string marker, string? lineElement = null)
    {
        node.KvnMarker = marker;
        node.LineElement = lineElement;
        return node;
    }

    private static (CcsdsErrorKind, string)? ElementSetProblem(string value) =>
        ElementCounts.ContainsKey(value) ? null : (CcsdsErrorKind.InvalidValue, $"'{value}' is not an orbital element set this library knows ({string.Join(", ", ElementCounts.Keys)})");

    /// <summary>"[km, km/s]" or "km, km/s" as a list.</summary>
    private static List<string> SplitList(string text) =>
        [.. text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static Field<T> UnitsField<T>(string keyword, Func<T, List<string>?> get, Action<T, List<string>> set) => new()
    {
        Keyword = keyword,
        // "[]" lists no unit: no value
        IsEmpty = entry => SplitList(entry.Raw).Count == 0,
        Parse = (entry, _) => SplitList(entry.Raw),
        Set = (m, v) => set(m, (List<string>)v),
        Get = m => get(m),
        Format = v => "[" + string.Join(", ", (List<string>)v) + "]",
    };

    /// <summary>Fields of an <see cref="OcmKeywordSection"/>: parsed and checked like typed ones, kept as canonical text.</summary>
    private static class Section
    {
        public static Field<OcmKeywordSection> Text(string keyword, bool mandatory = false) =>
            Wrap(Values.TextField<OcmKeywordSection>(keyword, _ => null, (_, _) => { }, mandatory, null));

        public static Field<OcmKeywordSection> Number(string keyword, string? unit, Func<double, string?>? check = null) =>
            Wrap(Values.NumberField<OcmKeywordSection>(keyword, unit, _ => null, (_, _) => { }, false, check, null));

        public static Field<OcmKeywordSection> Integer(string keyword) =>
            Wrap(Values.IntegerField<OcmKeywordSection>(keyword, _ => null, (_, _) => { }, false, Checks.NonNegative, null));

        public static Field<OcmKeywordSection> Time(string keyword, bool mandatory = false) =>
            Wrap(Values.TimeField<OcmKeywordSection>(keyword, _ => null, (_, _) => { }, mandatory, allowRelative: true, null));

        public static Field<OcmKeywordSection> Frame(string keyword) =>
            Wrap(Values.ChoiceField<OcmKeywordSection>(keyword, _ => null, (_, _) => { }, false,
                value => CcsdsVocabulary.IsKnownFrame(value, FrameKinds.Any) ? null : (CcsdsErrorKind.UnknownFrame, $"'{value}' is not a known reference frame")));

        // parsed and checked as the typed field is; kept as its canonical text
        private static Field<OcmKeywordSection> Wrap(Field<OcmKeywordSection> typed) => typed with
        {
            Set = (section, value) => section.Set(typed.Keyword, typed.Format(value)),
            Get = section => section.Get(typed.Keyword),
            Format = value => (string)value,
        };
    }
}
