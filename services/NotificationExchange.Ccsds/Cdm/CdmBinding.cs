using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Cdm;

/// <summary>The CDM's keyword maps and its binding between the node tree and <see cref="CdmMessage"/>, for every syntax.</summary>
internal static class CdmBinding
{
    public static readonly MessageKind Kind = new("cdm", "CCSDS_CDM_VERS", ["1.0"]);

    private static readonly string[] _yesNo = ["YES", "NO"];

    public static readonly BlockMap<CdmHeader> Header = new BlockMap<CdmHeader>("header")
        .Time("CREATION_DATE", m => m.CreationDate, (m, v) => m.CreationDate = v, mandatory: true)
        .Text("ORIGINATOR", m => m.Originator, (m, v) => m.Originator = v, mandatory: true)
        .Text("MESSAGE_FOR", m => m.MessageFor, (m, v) => m.MessageFor = v)
        .Text("MESSAGE_ID", m => m.MessageId, (m, v) => m.MessageId = v, mandatory: true);

    public static readonly BlockMap<CdmRelativeMetadata> Relative = new BlockMap<CdmRelativeMetadata>("relativeMetadataData")
        .Time("TCA", m => m.Tca, (m, v) => m.Tca = v, mandatory: true)
        .Number("MISS_DISTANCE", "m", m => m.MissDistance, (m, v) => m.MissDistance = v, mandatory: true, check: Checks.NonNegative)
        .Number("RELATIVE_SPEED", "m/s", m => m.RelativeSpeed, (m, v) => m.RelativeSpeed = v, check: Checks.NonNegative)
        .Number("RELATIVE_POSITION_R", "m", m => m.RelativePositionR, (m, v) => m.RelativePositionR = v)
        .Number("RELATIVE_POSITION_T", "m", m => m.RelativePositionT, (m, v) => m.RelativePositionT = v)
        .Number("RELATIVE_POSITION_N", "m", m => m.RelativePositionN, (m, v) => m.RelativePositionN = v)
        .Number("RELATIVE_VELOCITY_R", "m/s", m => m.RelativeVelocityR, (m, v) => m.RelativeVelocityR = v)
        .Number("RELATIVE_VELOCITY_T", "m/s", m => m.RelativeVelocityT, (m, v) => m.RelativeVelocityT = v)
        .Number("RELATIVE_VELOCITY_N", "m/s", m => m.RelativeVelocityN, (m, v) => m.RelativeVelocityN = v)
        .Time("START_SCREEN_PERIOD", m => m.StartScreenPeriod, (m, v) => m.StartScreenPeriod = v)
        .Time("STOP_SCREEN_PERIOD", m => m.StopScreenPeriod, (m, v) => m.StopScreenPeriod = v)
        .Add(Values.ChoiceField<CdmRelativeMetadata>("SCREEN_VOLUME_FRAME", m => m.ScreenVolumeFrame, (m, v) => m.ScreenVolumeFrame = v, false,
            value => value is "RTN" or "TVN" ? null : (CcsdsErrorKind.UnknownFrame, $"'{value}' is not a screening volume frame (RTN or TVN)")))
        .Choice("SCREEN_VOLUME_SHAPE", ["ELLIPSOID", "BOX"], m => m.ScreenVolumeShape, (m, v) => m.ScreenVolumeShape = v)
        .Number("SCREEN_VOLUME_X", "m", m => m.ScreenVolumeX, (m, v) => m.ScreenVolumeX = v, check: Checks.NonNegative)
        .Number("SCREEN_VOLUME_Y", "m", m => m.ScreenVolumeY, (m, v) => m.ScreenVolumeY = v, check: Checks.NonNegative)
        .Number("SCREEN_VOLUME_Z", "m", m => m.ScreenVolumeZ, (m, v) => m.ScreenVolumeZ = v, check: Checks.NonNegative)
        .Time("SCREEN_ENTRY_TIME", m => m.ScreenEntryTime, (m, v) => m.ScreenEntryTime = v)
        .Time("SCREEN_EXIT_TIME", m => m.ScreenExitTime, (m, v) => m.ScreenExitTime = v)
        .Number("COLLISION_PROBABILITY", null, m => m.CollisionProbability, (m, v) => m.CollisionProbability = v,
            check: value => value is >= 0 and <= 1 ? null : "is not a probability between 0 and 1")
        .Text("COLLISION_PROBABILITY_METHOD", m => m.CollisionProbabilityMethod, (m, v) => m.CollisionProbabilityMethod = v);

    public static readonly BlockMap<CdmObjectMetadata> Metadata = new BlockMap<CdmObjectMetadata>("metadata")
        .Choice("OBJECT", ["OBJECT1", "OBJECT2"], m => m.Object, (m, v) => m.Object = v, mandatory: true)
        .Text("OBJECT_DESIGNATOR", m => m.ObjectDesignator, (m, v) => m.ObjectDesignator = v, mandatory: true)
        .Text("CATALOG_NAME", m => m.CatalogName, (m, v) => m.CatalogName = v, mandatory: true)
        .Text("OBJECT_NAME", m => m.ObjectName, (m, v) => m.ObjectName = v, mandatory: true)
        .Text("INTERNATIONAL_DESIGNATOR", m => m.InternationalDesignator, (m, v) => m.InternationalDesignator = v, mandatory: true)
        .Choice("OBJECT_TYPE", ["PAYLOAD", "ROCKET BODY", "DEBRIS", "UNKNOWN", "OTHER"], m => m.ObjectType, (m, v) => m.ObjectType = v)
        .Text("OPERATOR_CONTACT_POSITION", m => m.OperatorContactPosition, (m, v) => m.OperatorContactPosition = v)
        .Text("OPERATOR_ORGANIZATION", m => m.OperatorOrganization, (m, v) => m.OperatorOrganization = v)
        .Text("OPERATOR_PHONE", m => m.OperatorPhone, (m, v) => m.OperatorPhone = v)
        .Text("OPERATOR_EMAIL", m => m.OperatorEmail, (m, v) => m.OperatorEmail = v)
        .Text("EPHEMERIS_NAME", m => m.EphemerisName, (m, v) => m.EphemerisName = v, mandatory: true)
        .Choice("COVARIANCE_METHOD", ["CALCULATED", "DEFAULT"], m => m.CovarianceMethod, (m, v) => m.CovarianceMethod = v, mandatory: true)
        .Choice("MANEUVERABLE", ["YES", "NO", "N/A"], m => m.Maneuverable, (m, v) => m.Maneuverable = v, mandatory: true)
        .Text("ORBIT_CENTER", m => m.OrbitCenter, (m, v) => m.OrbitCenter = v)
        .Add(Values.ChoiceField<CdmObjectMetadata>("REF_FRAME", m => m.RefFrame, (m, v) => m.RefFrame = v, true,
            value => value is "EME2000" or "GCRF" or "ITRF" ? null : (CcsdsErrorKind.UnknownFrame, $"'{value}' is not a CDM reference frame (EME2000, GCRF, ITRF)")))
        .Text("GRAVITY_MODEL", m => m.GravityModel, (m, v) => m.GravityModel = v)
        .Text("ATMOSPHERIC_MODEL", m => m.AtmosphericModel, (m, v) => m.AtmosphericModel = v)
        .Text("N_BODY_PERTURBATIONS", m => m.NBodyPerturbations, (m, v) => m.NBodyPerturbations = v)
        .Choice("SOLAR_RAD_PRESSURE", _yesNo, m => m.SolarRadPressure, (m, v) => m.SolarRadPressure = v)
        .Choice("EARTH_TIDES", _yesNo, m => m.EarthTides, (m, v) => m.EarthTides = v)
        .Choice("INTRACK_THRUST", _yesNo, m => m.IntrackThrust, (m, v) => m.IntrackThrust = v);

    public static readonly BlockMap<CdmOdParameters> OdParameters = new BlockMap<CdmOdParameters>("odParameters")
        .Time("TIME_LASTOB_START", m => m.TimeLastObStart, (m, v) => m.TimeLastObStart = v)
        .Time("TIME_LASTOB_END", m => m.TimeLastObEnd, (m, v) => m.TimeLastObEnd = v)
        .Number("RECOMMENDED_OD_SPAN", "d", m => m.RecommendedOdSpan, (m, v) => m.RecommendedOdSpan = v, check: Checks.NonNegative)
        .Number("ACTUAL_OD_SPAN", "d", m => m.ActualOdSpan, (m, v) => m.ActualOdSpan = v, check: Checks.NonNegative)
        .Integer("OBS_AVAILABLE", m => m.ObsAvailable, (m, v) => m.ObsAvailable = v, check: Checks.NonNegative)
        .Integer("OBS_USED", m => m.ObsUsed, (m, v) => m.ObsUsed = v, check: Checks.NonNegative)
        .Integer("TRACKS_AVAILABLE", m => m.TracksAvailable, (m, v) => m.TracksAvailable = v, check: Checks.NonNegative)
        .Integer("TRACKS_USED", m => m.TracksUsed, (m, v) => m.TracksUsed = v, check: Checks.NonNegative)
        .Number("RESIDUALS_ACCEPTED", "%", m => m.ResidualsAccepted, (m, v) => m.ResidualsAccepted = v,
            check: Checks.Percentage)
        .Number("WEIGHTED_RMS", null, m => m.WeightedRms, (m, v) => m.WeightedRms = v, check: Checks.NonNegative);

    public static readonly BlockMap<CdmAdditionalParameters> Additional = new BlockMap<CdmAdditionalParameters>("additionalParameters")
        .Number("AREA_PC", "m**2", m => m.AreaPc, (m, v) => m.AreaPc = v, check: Checks.NonNegative)
        .Number("AREA_DRG", "m**2", m => m.AreaDrg, (m, v) => m.AreaDrg = v, check: Checks.NonNegative)
        .Number("AREA_SRP", "m**2", m => m.AreaSrp, (m, v) => m.AreaSrp = v, check: Checks.NonNegative)
        .Number("MASS", "kg", m => m.Mass, (m, v) => m.Mass = v, check: Checks.NonNegative)
        .Number("CD_AREA_OVER_MASS", "m**2/kg", m => m.CdAreaOverMass, (m, v) => m.CdAreaOverMass = v, check: Checks.NonNegative)
        .Number("CR_AREA_OVER_MASS", "m**2/kg", m => m.CrAreaOverMass, (m, v) => m.CrAreaOverMass = v, check: Checks.NonNegative)
        .Number("THRUST_ACCELERATION", "m/s**2", m => m.ThrustAcceleration, (m, v) => m.ThrustAcceleration = v, check: Checks.NonNegative)
        .Number("SEDR", "W/kg", m => m.Sedr, (m, v) => m.Sedr = v, check: Checks.NonNegative);

    public static readonly BlockMap<CdmStateVector> StateVector = new BlockMap<CdmStateVector>("stateVector").PositionVelocity();

    public static readonly BlockMap<CdmCovariance> Covariance = CovarianceMap();

    private static readonly string[] _relativeStateKeywords =
        ["RELATIVE_POSITION_R", "RELATIVE_POSITION_T", "RELATIVE_POSITION_N", "RELATIVE_VELOCITY_R", "RELATIVE_VELOCITY_T", "RELATIVE_VELOCITY_N"];

    public static IReadOnlyList<FlatBlock> DataBlocks { get; } =
        [OdParameters.AsFlatBlock(), Additional.AsFlatBlock(), StateVector.AsFlatBlock(), Covariance.AsFlatBlock()];

    public static CdmMessage Bind(Node root, ReadContext context)
    {
        var body = root.Child("body") ?? root;
        Structure.ExpectOnly(root, context, ["header", "body", "relativeMetadataData"], ["segment"]);
        Structure.ExpectOnly(root.Child("body"), context, ["relativeMetadataData"], ["segment"]);
        var relativeNode = body.Child("relativeMetadataData");
        var message = new CdmMessage
        {
            Header = Header.Read(root.Child("header"), context, root.Location),
            RelativeMetadata = Relative.Read(relativeNode is null ? null : FlattenRelativeState(relativeNode, context), context, root.Location),
        };
        message.Header.Version = root.Attributes["version"];
        var segments = body.ChildrenNamed("segment").ToList();
        if (segments.Count != 2)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, segments.Count > 2 ? segments[2].Location : root.Location, "OBJECT",
                $"a CDM describes exactly two objects, OBJECT1 and OBJECT2; found {segments.Count}");
        }
        if (segments.Count > 0)
        {
            message.Object1 = BindObject(segments[0], "OBJECT1", context);
        }
        if (segments.Count > 1)
        {
            message.Object2 = BindObject(segments[1], "OBJECT2", context);
        }
        return message;
    }

    private static CdmObject BindObject(Node segment, string expected, ReadContext context)
    {
        Structure.ExpectOnly(segment, context, ["metadata", "data"]);
        var data = segment.Child("data");
        Structure.ExpectOnly(data, context, ["odParameters", "additionalParameters", "stateVector", "covarianceMatrix"]);
        var where = data?.Location ?? segment.Location;
        var item = new CdmObject
        {
            Metadata = Metadata.Read(segment.Child("metadata"), context, segment.Location),
            OdParameters = OdParameters.ReadOptional(data, context),
            AdditionalParameters = Additional.ReadOptional(data, context),
            StateVector = StateVector.Read(data?.Child("stateVector"), context, where),
            Covariance = data?.Child("covarianceMatrix") is { } covarianceNode
                ? Covariance.Read(covarianceNode, context, covarianceNode.Location)
                : null,
        };
        if (item.Covariance is null && !context.Options.AllowMissingCdmCovariance)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, where, "CR_R",
                $"{expected} has no covariance (CR_R ... CNDOT_NDOT are mandatory)");
        }
        if (item.Metadata.Object != expected && segment.Child("metadata")?.Entries.Any(entry => entry.Keyword == "OBJECT") == true)
        {
            context.Error(CcsdsErrorKind.InvalidValue, segment.Child("metadata")!.Entries.First(entry => entry.Keyword == "OBJECT").Location, "OBJECT",
                $"expected {expected} here, found {item.Metadata.Object}");
        }
        // XML allows comments at the start of <data>; KVN cannot tell them from the first block's own
        var dataComments = data?.Comments ?? [];
        ((CcsdsBlock?)item.OdParameters ?? (CcsdsBlock?)item.AdditionalParameters ?? item.StateVector).Comments.InsertRange(0, dataComments);
        return item;
    }

    /// <summary>XML nests the relative state in &lt;relativeStateVector&gt;; KVN does not. Both read as one flat block.</summary>
    private static Node FlattenRelativeState(Node relative, ReadContext context)
    {
        var flat = new Node(relative.Name, relative.Location);
        flat.Comments.AddRange(relative.Comments);
        foreach (var item in relative.Items)
        {
            if (item is Node { Name: "relativeStateVector" } state)
            {
                flat.Comments.AddRange(state.Comments);
                flat.Items.AddRange(state.Entries);
            }
            else if (item is Node other)
            {
                context.Error(CcsdsErrorKind.UnknownKeyword, other.Location, other.Name, $"{other.Name} does not belong in relativeMetadataData");
            }
            else
            {
                flat.Items.Add(item);
            }
        }
        return flat;
    }

    public static Node Write(CdmMessage message)
    {
        var root = MessageWriting.NewRoot(Kind, message.Header.Version, Header.Write(message.Header));
        var body = root.AddChild("body");
        var relative = Relative.Write(message.RelativeMetadata);
        var stateEntries = relative.Entries.Where(entry => _relativeStateKeywords.Contains(entry.Keyword)).ToList();
        if (stateEntries.Count > 0)
        {
            var at = relative.Items.IndexOf(stateEntries[0]);
            relative.Items.RemoveAll(item => item is Entry entry && stateEntries.Contains(entry));
            var state = new Node("relativeStateVector", default);
            state.Items.AddRange(stateEntries);
            relative.Items.Insert(at, state);
        }
        body.Items.Add(relative);
        foreach (var item in new[] { message.Object1, message.Object2 })
        {
            var segment = body.AddChild("segment");
            segment.Items.Add(Metadata.Write(item.Metadata));
            var data = segment.AddChild("data");
            OdParameters.WriteOptional(data, item.OdParameters);
            Additional.WriteOptional(data, item.AdditionalParameters);
            data.Items.Add(StateVector.Write(item.StateVector));
            Covariance.WriteOptional(data, item.Covariance);
        }
        return root;
    }

    private static BlockMap<CdmCovariance> CovarianceMap()
    {
        var map = new BlockMap<CdmCovariance>("covarianceMatrix");
        for (var index = 0; index < 45; index++)
        {
            var term = index;
            map.Number(CdmCovariance.Keywords[term], CdmCovariance.UnitOf(term), m => m.Terms[term], (m, v) => m.Terms[term] = v, mandatory: term < 21);
        }
        return map;
    }
}
