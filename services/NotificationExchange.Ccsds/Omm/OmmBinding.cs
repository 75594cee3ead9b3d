using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Omm;

/// <summary>The OMM's keyword maps and its binding between the node tree and <see cref="OmmMessage"/>, for every syntax.</summary>
internal static class OmmBinding
{
    public static readonly MessageKind Kind = new("omm", "CCSDS_OMM_VERS", ["2.0", "3.0"]);

    public static readonly BlockMap<OmmMetadata> Metadata = OdmMaps.ObjectMetadata<OmmMetadata>()
        .Text("MEAN_ELEMENT_THEORY", m => m.MeanElementTheory, (m, v) => m.MeanElementTheory = v, mandatory: true);

    public static readonly BlockMap<MeanElements> MeanElements = new BlockMap<MeanElements>("meanElements")
        .Time("EPOCH", m => m.Epoch, (m, v) => m.Epoch = v, mandatory: true)
        .Number("SEMI_MAJOR_AXIS", "km", m => m.SemiMajorAxis, (m, v) => m.SemiMajorAxis = v, check: Checks.Positive)
        .Number("MEAN_MOTION", "rev/day", m => m.MeanMotion, (m, v) => m.MeanMotion = v)
        .Number("ECCENTRICITY", null, m => m.Eccentricity, (m, v) => m.Eccentricity = v, mandatory: true, check: Checks.NonNegative)
        .Number("INCLINATION", "deg", m => m.Inclination, (m, v) => m.Inclination = v, mandatory: true, check: Checks.Inclination)
        .Number("RA_OF_ASC_NODE", "deg", m => m.RaOfAscNode, (m, v) => m.RaOfAscNode = v, mandatory: true)
        .Number("ARG_OF_PERICENTER", "deg", m => m.ArgOfPericenter, (m, v) => m.ArgOfPericenter = v, mandatory: true)
        .Number("MEAN_ANOMALY", "deg", m => m.MeanAnomaly, (m, v) => m.MeanAnomaly = v, mandatory: true)
        .Number("GM", "km**3/s**2", m => m.Gm, (m, v) => m.Gm = v, check: Checks.Positive);

    public static readonly BlockMap<TleParameters> Tle = new BlockMap<TleParameters>("tleParameters")
        .Integer("EPHEMERIS_TYPE", m => m.EphemerisType, (m, v) => m.EphemerisType = (int)v, check: Checks.Between(0, 9))
        .Add(Values.ChoiceField<TleParameters>("CLASSIFICATION_TYPE", m => m.ClassificationType, (m, v) => m.ClassificationType = v, false,
            value => value.Length == 1 && char.IsAsciiLetterUpper(value[0]) ? null : (CcsdsErrorKind.InvalidValue, $"'{value}' is not a one-letter classification (U, C, S)")))
        .Integer("NORAD_CAT_ID", m => m.NoradCatId, (m, v) => m.NoradCatId = (int)v, check: Checks.Between(0, 999_999_999))
        .Integer("ELEMENT_SET_NO", m => m.ElementSetNo, (m, v) => m.ElementSetNo = (int)v, check: Checks.Between(0, 9999))
        .Integer("REV_AT_EPOCH", m => m.RevAtEpoch, (m, v) => m.RevAtEpoch = (int)v, check: Checks.Between(0, 999_999_999))
        .Number("BSTAR", "1/ER", m => m.Bstar, (m, v) => m.Bstar = v)
        .Number("BTERM", "m**2/kg", m => m.Bterm, (m, v) => m.Bterm = v, sinceVersion: "3.0")
        .Number("MEAN_MOTION_DOT", "rev/day**2", m => m.MeanMotionDot, (m, v) => m.MeanMotionDot = v)
        .Number("MEAN_MOTION_DDOT", "rev/day**3", m => m.MeanMotionDdot, (m, v) => m.MeanMotionDdot = v)
        .Number("AGOM", "m**2/kg", m => m.Agom, (m, v) => m.Agom = v, sinceVersion: "3.0");

    public static IReadOnlyList<FlatBlock> HeaderBlocks { get; } = [OdmMaps.Header.AsFlatBlock()];

    public static IReadOnlyList<FlatBlock> MetadataBlocks { get; } = [Metadata.AsFlatBlock()];

    public static IReadOnlyList<FlatBlock> DataBlocks { get; } =
    [
        MeanElements.AsFlatBlock(), OdmMaps.Spacecraft.AsFlatBlock(), Tle.AsFlatBlock(), OdmMaps.Covariance.AsFlatBlock(),
        OdmMaps.UserDefinedFlatBlock,
    ];

    public static OmmMessage Bind(Node root, ReadContext context)
    {
        var (segment, data) = Structure.SingleSegment(
            root, context, ["meanElements", "spacecraftParameters", "tleParameters", "covarianceMatrix", "userDefinedParameters"]);
        var where = data?.Location ?? segment?.Location ?? root.Location;
        var message = new OmmMessage
        {
            Header = OdmMaps.ReadHeader(root, context),
            Metadata = Metadata.Read(segment?.Child("metadata"), context, segment?.Location ?? root.Location),
            MeanElements = MeanElements.Read(data?.Child("meanElements"), context, where),
            SpacecraftParameters = OdmMaps.Spacecraft.ReadOptional(data, context),
            TleParameters = Tle.ReadOptional(data, context),
            Covariance = OdmMaps.Covariance.ReadOptional(data, context),
            UserDefined = OdmMaps.UserDefined.ReadOptional(data, context),
        };
        // XML allows comments at the start of <data>; KVN cannot tell them from the mean elements' own
        message.MeanElements.Comments.InsertRange(0, data?.Comments ?? []);
        Check(message, data?.Child("meanElements"), data?.Child("tleParameters"), where, context);
        return message;
    }

    public static Node Write(OmmMessage message)
    {
        var root = OdmMaps.NewRoot(Kind, message.Header);
        var data = MessageWriting.AddSingleSegment(root, Metadata.Write(message.Metadata));
        data.Items.Add(MeanElements.Write(message.MeanElements));
        OdmMaps.Spacecraft.WriteOptional(data, message.SpacecraftParameters);
        Tle.WriteOptional(data, message.TleParameters);
        OdmMaps.Covariance.WriteOptional(data, message.Covariance);
        OdmMaps.UserDefined.WriteOptional(data, message.UserDefined);
        return root;
    }

    /// <summary>
    /// The rules across keywords. A block that is missing altogether has been reported once already (or, for the TLE
    /// parameters an SGP4 theory needs, is reported once here), not once more per keyword these rules would ask of it.
    /// </summary>
    private static void Check(OmmMessage message, Node? meanElementsNode, Node? tleNode, SourceLocation where, ReadContext context)
    {
        if (meanElementsNode?.Entries.Any() == true)
        {
            CheckSize(message, meanElementsNode.Location, context);
        }
        if (!message.IsSgp4Family)
        {
            return;
        }
        var theory = message.Metadata.MeanElementTheory;
        var isXp = theory.Contains("XP", StringComparison.OrdinalIgnoreCase);
        if (tleNode?.Entries.Any() != true)
        {
            var needed = isXp ? "MEAN_MOTION_DOT, BTERM (or BSTAR), AGOM (or MEAN_MOTION_DDOT)" : "MEAN_MOTION_DOT, BSTAR, MEAN_MOTION_DDOT";
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, tleNode?.Location ?? where, "MEAN_MOTION_DOT",
                $"theory {theory} needs the TLE parameters, which are missing: {needed}");
            return;
        }
        var at = tleNode.Location;
        var tle = message.TleParameters;
        if (tle?.MeanMotionDot is null)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, at, "MEAN_MOTION_DOT", $"theory {theory} needs MEAN_MOTION_DOT");
        }
        if (tle?.Bstar is null && !(isXp && tle?.Bterm is not null))
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, at, isXp ? "BTERM" : "BSTAR", $"theory {theory} needs {(isXp ? "BTERM" : "BSTAR")}");
        }
        if (tle?.MeanMotionDdot is null && !(isXp && tle?.Agom is not null))
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, at, isXp ? "AGOM" : "MEAN_MOTION_DDOT", $"theory {theory} needs {(isXp ? "AGOM" : "MEAN_MOTION_DDOT")}");
        }
    }

    /// <summary>MEAN_MOTION or SEMI_MAJOR_AXIS, not both; an SGP4-family theory needs MEAN_MOTION.</summary>
    private static void CheckSize(OmmMessage message, SourceLocation where, ReadContext context)
    {
        var elements = message.MeanElements;
        if (elements.MeanMotion is null && elements.SemiMajorAxis is null)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, where, "MEAN_MOTION", "the mean elements need MEAN_MOTION or SEMI_MAJOR_AXIS");
        }
        else if (elements.MeanMotion is not null && elements.SemiMajorAxis is not null)
        {
            context.Error(CcsdsErrorKind.InvalidValue, where, "SEMI_MAJOR_AXIS", "give MEAN_MOTION or SEMI_MAJOR_AXIS, not both");
        }
        else if (message.IsSgp4Family && elements.MeanMotion is null)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, where, "MEAN_MOTION", $"theory {message.Metadata.MeanElementTheory} needs MEAN_MOTION");
        }
    }
}
