using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Opm;

/// <summary>OPM metadata.</summary>
public sealed class OpmMetadata : OdmObjectMetadata;

/// <summary>
/// One OPM maneuver block: a delta-v applied at MAN_EPOCH_IGNITION over MAN_DURATION seconds (0: impulsive), in
/// MAN_REF_FRAME (an orbit-relative frame such as RTN, RSW, TNW, or an inertial one), in km/s.
/// </summary>
public sealed class OpmManeuver : CcsdsBlock
{
    public CcsdsTime EpochIgnition { get; set; }
    /// <summary>Seconds, not negative. The standard makes it mandatory; files without it are read (as Orekit does) and leave it null.</summary>
    public double? Duration { get; set; }
    /// <summary>kg, not positive. Mandatory by the standard, read leniently like <see cref="Duration"/>.</summary>
    public double? DeltaMass { get; set; }
    public string RefFrame { get; set; } = "RTN";
    public double Dv1 { get; set; }
    public double Dv2 { get; set; }
    public double Dv3 { get; set; }

    public bool IsImpulsive => Duration is null or 0;
}

/// <summary>An Orbit Parameter Message: one state, optional elements, spacecraft parameters, covariance and maneuvers.</summary>
public sealed class OpmMessage
{
    public OdmHeader Header { get; set; } = new();
    public OpmMetadata Metadata { get; set; } = new();
    public StateVector StateVector { get; set; } = new();
    public KeplerianElements? KeplerianElements { get; set; }
    public SpacecraftParameters? SpacecraftParameters { get; set; }
    public CartesianCovariance? Covariance { get; set; }
    public List<OpmManeuver> Maneuvers { get; set; } = [];
    public UserDefinedParameters? UserDefined { get; set; }
}

internal static class OpmBinding
{
    public const string RootName = "opm";
    public const string VersionKeyword = "CCSDS_OPM_VERS";
    public static readonly string[] Versions = ["2.0", "3.0"];

    public static readonly BlockMap<OpmMetadata> Metadata = OdmMaps.ObjectMetadata<OpmMetadata>();

    public static readonly BlockMap<OpmManeuver> Maneuver = new BlockMap<OpmManeuver>("maneuverParameters")
        .Time("MAN_EPOCH_IGNITION", m => m.EpochIgnition, (m, v) => m.EpochIgnition = v, mandatory: true)
        .Number("MAN_DURATION", "s", m => m.Duration, (m, v) => m.Duration = v, check: OdmMaps.NonNegative)
        .Number("MAN_DELTA_MASS", "kg", m => m.DeltaMass, (m, v) => m.DeltaMass = v, check: OdmMaps.NonPositive)
        .Frame("MAN_REF_FRAME", FrameKinds.Celestial | FrameKinds.OrbitRelative, m => m.RefFrame, (m, v) => m.RefFrame = v, mandatory: true)
        .Number("MAN_DV_1", "km/s", m => m.Dv1, (m, v) => m.Dv1 = v, mandatory: true)
        .Number("MAN_DV_2", "km/s", m => m.Dv2, (m, v) => m.Dv2 = v, mandatory: true)
        .Number("MAN_DV_3", "km/s", m => m.Dv3, (m, v) => m.Dv3 = v, mandatory: true);

    private static readonly string[] _dataBlocks =
        ["stateVector", "keplerianElements", "spacecraftParameters", "covarianceMatrix", "userDefinedParameters"];

    public static IReadOnlyList<FlatPhase> KvnPhases(Node root, Node segment, Node data) =>
    [
        new FlatPhase(root, [OdmMaps.Header.AsFlatBlock()]),
        new FlatPhase(segment, [Metadata.AsFlatBlock()]),
        new FlatPhase(data,
        [
            OdmMaps.StateVector.AsFlatBlock(), OdmMaps.Keplerian.AsFlatBlock(), OdmMaps.Spacecraft.AsFlatBlock(),
            OdmMaps.Covariance.AsFlatBlock(), Maneuver.AsFlatBlock(startKeyword: "MAN_EPOCH_IGNITION"),
            new FlatBlock(OdmMaps.UserDefined.Name, OdmMaps.IsUserDefined),
        ]),
    ];

    public static OpmMessage Bind(Node root, ReadContext context)
    {
        var (segment, data) = Structure.SingleSegment(root, context, _dataBlocks, ["maneuverParameters"]);
        var where = data?.Location ?? segment?.Location ?? root.Location;
        var message = new OpmMessage
        {
            Header = MessageText.ReadOdmHeader(root.Child("header"), root, context),
            Metadata = Metadata.Read(segment?.Child("metadata"), context, segment?.Location ?? root.Location),
            StateVector = OdmMaps.StateVector.Read(data?.Child("stateVector"), context, where),
            KeplerianElements = OmmBinding.ReadOptional(OdmMaps.Keplerian, data, context),
            SpacecraftParameters = OmmBinding.ReadOptional(OdmMaps.Spacecraft, data, context),
            Covariance = OmmBinding.ReadOptional(OdmMaps.Covariance, data, context),
            Maneuvers = [.. (data?.ChildrenNamed("maneuverParameters") ?? []).Select(node => Maneuver.Read(node, context, node.Location))],
            UserDefined = OmmBinding.ReadOptional(OdmMaps.UserDefined, data, context),
        };
        message.StateVector.Comments.InsertRange(0, data?.Comments ?? []);
        if (message.KeplerianElements is { } elements)
        {
            var at = data!.Child("keplerianElements")!.Location;
            if (elements.TrueAnomaly is null && elements.MeanAnomaly is null)
            {
                context.Error(CcsdsErrorKind.MissingMandatoryKeyword, at, "TRUE_ANOMALY", "the Keplerian elements need TRUE_ANOMALY or MEAN_ANOMALY");
            }
            else if (elements.TrueAnomaly is not null && elements.MeanAnomaly is not null)
            {
                var second = data.Child("keplerianElements")!.Entries.LastOrDefault(e => e.Keyword is "TRUE_ANOMALY" or "MEAN_ANOMALY");
                context.Error(CcsdsErrorKind.InvalidValue, second?.Location ?? at, second?.Keyword ?? "MEAN_ANOMALY", "give TRUE_ANOMALY or MEAN_ANOMALY, not both");
            }
        }
        return message;
    }

    public static Node Write(OpmMessage message)
    {
        var root = MessageText.NewRoot(RootName, VersionKeyword, message.Header.Version);
        root.Items.Add(MessageText.WriteOdmHeader(message.Header));
        var segment = root.AddChild("body").AddChild("segment");
        segment.Items.Add(Metadata.Write(message.Metadata));
        var data = segment.AddChild("data");
        data.Items.Add(OdmMaps.StateVector.Write(message.StateVector));
        OmmBinding.AddOptional(data, OdmMaps.Keplerian, message.KeplerianElements);
        OmmBinding.AddOptional(data, OdmMaps.Spacecraft, message.SpacecraftParameters);
        OmmBinding.AddOptional(data, OdmMaps.Covariance, message.Covariance);
        foreach (var maneuver in message.Maneuvers)
        {
            data.Items.Add(Maneuver.Write(maneuver));
        }
        OmmBinding.AddOptional(data, OdmMaps.UserDefined, message.UserDefined);
        return root;
    }
}

/// <summary>Reads an OPM in KVN or XML (detected from the content), reporting every error it finds.</summary>
public static class OpmReader
{
    public static OpmMessage Read(string text, CcsdsReadOptions? options = null) => ReaderSupport.Read(text, options, Read);

    public static bool TryRead(string text, out OpmMessage? message, out IReadOnlyList<CcsdsError> errors, CcsdsReadOptions? options = null) =>
        ReaderSupport.TryRead(text, options, Read, out message, out errors);

    internal static OpmMessage? Read(string text, ReadContext context)
    {
        if (MessageText.Detect(text) == CcsdsSyntax.Xml)
        {
            return ReaderSupport.ReadSingleXml(text, OpmBinding.RootName, OpmBinding.VersionKeyword, OpmBinding.Versions, context, OpmBinding.Bind);
        }
        if (MessageText.StartKvn(text, OpmBinding.RootName, OpmBinding.VersionKeyword, OpmBinding.Versions, context) is not var (cursor, root))
        {
            return null;
        }
        var segment = root.AddChild("segment");
        var data = segment.AddChild("data");
        // beyond wraps OPM metadata in META_START/META_STOP, which OPM KVN does not have: tolerated
        KvnStructure.ReadFlat(cursor, OpmBinding.KvnPhases(root, segment, data), context, stop: _ => false,
            tolerateMarker: token => token.Keyword is "META_START" or "META_STOP");
        cursor.FinishComments(root);
        return OpmBinding.Bind(root, context);
    }
}

/// <summary>Writes an OPM as CCSDS KVN or NDM/XML.</summary>
public static class OpmWriter
{
    public static string Write(OpmMessage message, CcsdsSyntax syntax) => MessageText.Write(OpmBinding.Write(message), syntax);
}
