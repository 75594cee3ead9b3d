using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Odm;

/// <summary>The keyword maps of the blocks ODM messages (OPM, OMM, OEM, OCM) share, and their header's rules.</summary>
internal static class OdmMaps
{
    public static readonly BlockMap<OdmHeader> Header = new BlockMap<OdmHeader>("header")
        .Text("CLASSIFICATION", m => m.Classification, (m, v) => m.Classification = v, sinceVersion: "3.0")
        .Time("CREATION_DATE", m => m.CreationDate, (m, v) => m.CreationDate = v)
        .Text("ORIGINATOR", m => m.Originator, (m, v) => m.Originator = v)
        .Text("MESSAGE_ID", m => m.MessageId, (m, v) => m.MessageId = v, sinceVersion: "3.0");

    /// <summary>A metadata map starting with the keywords every ODM object block has, in the standard's order.</summary>
    public static BlockMap<T> ObjectMetadata<T>() where T : OdmObjectMetadata, new() => new BlockMap<T>("metadata")
        .Text("OBJECT_NAME", m => m.ObjectName, (m, v) => m.ObjectName = v, mandatory: true)
        .Designator("OBJECT_ID", m => m.ObjectId, (m, v) => m.ObjectId = v, mandatory: true)
        .Text("CENTER_NAME", m => m.CenterName, (m, v) => m.CenterName = v, mandatory: true)
        .Frame("REF_FRAME", FrameKinds.Celestial, m => m.RefFrame, (m, v) => m.RefFrame = v, mandatory: true)
        .Time("REF_FRAME_EPOCH", m => m.RefFrameEpoch, (m, v) => m.RefFrameEpoch = v)
        .TimeSystem("TIME_SYSTEM", m => m.TimeSystem, (m, v) => m.TimeSystem = v, mandatory: true);

    public static readonly BlockMap<StateVector> StateVector = new BlockMap<StateVector>("stateVector")
        .Time("EPOCH", m => m.Epoch, (m, v) => m.Epoch = v, mandatory: true)
        .PositionVelocity();

    public static readonly BlockMap<SpacecraftParameters> Spacecraft = new BlockMap<SpacecraftParameters>("spacecraftParameters")
        .Number("MASS", "kg", m => m.Mass, (m, v) => m.Mass = v, check: Checks.NonNegative)
        .Number("SOLAR_RAD_AREA", "m**2", m => m.SolarRadArea, (m, v) => m.SolarRadArea = v, check: Checks.NonNegative)
        .Number("SOLAR_RAD_COEFF", null, m => m.SolarRadCoeff, (m, v) => m.SolarRadCoeff = v)
        .Number("DRAG_AREA", "m**2", m => m.DragArea, (m, v) => m.DragArea = v, check: Checks.NonNegative)
        .Number("DRAG_COEFF", null, m => m.DragCoeff, (m, v) => m.DragCoeff = v);

    public static readonly BlockMap<CartesianCovariance> Covariance = CovarianceMap(withEpoch: false);

    public static readonly BlockMap<CartesianCovariance> OemCovariance = CovarianceMap(withEpoch: true);

    public static readonly BlockMap<UserDefinedParameters> UserDefined = new("userDefinedParameters");

    /// <summary>The user-defined parameters as a block of a flat KVN part: every USER_DEFINED_x keyword is its own.</summary>
    public static FlatBlock UserDefinedFlatBlock { get; } = new(UserDefined.Name, IsUserDefined);

    public static bool IsUserDefined(string keyword) => keyword.StartsWith(UserDefinedParameters.Prefix, StringComparison.Ordinal);

    /// <summary>The header, which must have CREATION_DATE and ORIGINATOR unless the options allow them empty.</summary>
    public static OdmHeader ReadHeader(Node root, ReadContext context)
    {
        var header = root.Child("header");
        var model = Header.Read(header, context, root.Location);
        model.Version = root.Attributes["version"];
        if (context.Options.AllowEmptyHeader)
        {
            return model;
        }
        if (header?.Entries.Any() != true)
        {
            // no header at all is one error, not one per keyword it lacks
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, header?.Location ?? root.Location, "CREATION_DATE",
                "the header is missing: CREATION_DATE, ORIGINATOR are mandatory");
            return model;
        }
        if (model.CreationDate is null && !header.Entries.Any(entry => entry.Keyword == "CREATION_DATE" && entry.Value.Length > 0))
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, header.Location, "CREATION_DATE", "mandatory CREATION_DATE is missing or empty");
        }
        if (model.Originator.Length == 0)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, header.Location, "ORIGINATOR", "mandatory ORIGINATOR is missing or empty");
        }
        return model;
    }

    /// <summary>The root of an ODM of <paramref name="kind"/>, holding its header (the version is the header's).</summary>
    public static Node NewRoot(MessageKind kind, OdmHeader header) => MessageWriting.NewRoot(kind, header.Version, Header.Write(header));

    private static BlockMap<CartesianCovariance> CovarianceMap(bool withEpoch)
    {
        var map = new BlockMap<CartesianCovariance>("covarianceMatrix");
        if (withEpoch)
        {
            map.Time("EPOCH", m => m.Epoch, (m, v) => m.Epoch = v, mandatory: true);
        }
        map.Frame("COV_REF_FRAME", FrameKinds.Celestial | FrameKinds.OrbitRelative, m => m.CovRefFrame, (m, v) => m.CovRefFrame = v);
        for (var index = 0; index < 21; index++)
        {
            var term = index;
            map.Number(CartesianCovariance.Keywords[term], CartesianCovariance.UnitOf(term),
                m => m.LowerTriangle[term], (m, v) => m.LowerTriangle[term] = v, mandatory: true);
        }
        return map;
    }
}
