using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Opm;

/// <summary>The OPM's keyword maps and its binding between the node tree and <see cref="OpmMessage"/>, for every syntax.</summary>
internal static class OpmBinding
{
    public static readonly MessageKind Kind = new("opm", "CCSDS_OPM_VERS", ["2.0", "3.0"]);

    public static readonly BlockMap<OpmMetadata> Metadata = OdmMaps.ObjectMetadata<OpmMetadata>();

    public static readonly BlockMap<KeplerianElements> Keplerian = new BlockMap<KeplerianElements>("keplerianElements")
        .Number("SEMI_MAJOR_AXIS", "km", m => m.SemiMajorAxis, (m, v) => m.SemiMajorAxis = v, mandatory: true)
        .Number("ECCENTRICITY", null, m => m.Eccentricity, (m, v) => m.Eccentricity = v, mandatory: true, check: Checks.NonNegative)
        .Number("INCLINATION", "deg", m => m.Inclination, (m, v) => m.Inclination = v, mandatory: true, check: Checks.Inclination)
        .Number("RA_OF_ASC_NODE", "deg", m => m.RaOfAscNode, (m, v) => m.RaOfAscNode = v, mandatory: true)
        .Number("ARG_OF_PERICENTER", "deg", m => m.ArgOfPericenter, (m, v) => m.ArgOfPericenter = v, mandatory: true)
        .Number("TRUE_ANOMALY", "deg", m => m.TrueAnomaly, (m, v) => m.TrueAnomaly = v)
        .Number("MEAN_ANOMALY", "deg", m => m.MeanAnomaly, (m, v) => m.MeanAnomaly = v)
        .Number("GM", "km**3/s**2", m => m.Gm, (m, v) => m.Gm = v, mandatory: true, check: Checks.Positive);

    public static readonly BlockMap<OpmManeuver> Maneuver = new BlockMap<OpmManeuver>("maneuverParameters")
        .Time("MAN_EPOCH_IGNITION", m => m.EpochIgnition, (m, v) => m.EpochIgnition = v, mandatory: true)
        .Number("MAN_DURATION", "s", m => m.Duration, (m, v) => m.Duration = v, check: Checks.NonNegative)
        .Number("MAN_DELTA_MASS", "kg", m => m.DeltaMass, (m, v) => m.DeltaMass = v, check: Checks.NonPositive)
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
            OdmMaps.StateVector.AsFlatBlock(), Keplerian.AsFlatBlock(), OdmMaps.Spacecraft.AsFlatBlock(),
            OdmMaps.Covariance.AsFlatBlock(), Maneuver.AsFlatBlock(startKeyword: "MAN_EPOCH_IGNITION"),
            OdmMaps.UserDefinedFlatBlock,
        ]),
    ];

    public static OpmMessage Bind(Node root, ReadContext context)
    {
        var (segment, data) = Structure.SingleSegment(root, context, _dataBlocks, ["maneuverParameters"]);
        var where = data?.Location ?? segment?.Location ?? root.Location;
        var message = new OpmMessage
        {
            Header = OdmMaps.ReadHeader(root, context),
            Metadata = Metadata.Read(segment?.Child("metadata"), context, segment?.Location ?? root.Location),
            StateVector = OdmMaps.StateVector.Read(data?.Child("stateVector"), context, where),
            KeplerianElements = Keplerian.ReadOptional(data, context),
            SpacecraftParameters = OdmMaps.Spacecraft.ReadOptional(data, context),
            Covariance = OdmMaps.Covariance.ReadOptional(data, context),
            Maneuvers = [.. (data?.ChildrenNamed("maneuverParameters") ?? []).Select(node => Maneuver.Read(node, context, node.Location))],
            UserDefined = OdmMaps.UserDefined.ReadOptional(data, context),
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
        var root = OdmMaps.NewRoot(Kind, message.Header);
        var data = MessageWriting.AddSingleSegment(root, Metadata.Write(message.Metadata));
        data.Items.Add(OdmMaps.StateVector.Write(message.StateVector));
        Keplerian.WriteOptional(data, message.KeplerianElements);
        OdmMaps.Spacecraft.WriteOptional(data, message.SpacecraftParameters);
        OdmMaps.Covariance.WriteOptional(data, message.Covariance);
        foreach (var maneuver in message.Maneuvers)
        {
            data.Items.Add(Maneuver.Write(maneuver));
        }
        OdmMaps.UserDefined.WriteOptional(data, message.UserDefined);
        return root;
    }
}
