using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds;

/// <summary>The header every Orbit Data Message (OPM, OMM, OEM, OCM) starts with.</summary>
public sealed class OdmHeader : CcsdsBlock
{
    /// <summary>The CCSDS_xxx_VERS value: "2.0" or "3.0" (OCM: "3.0").</summary>
    public string Version { get; set; } = "3.0";

    /// <summary>ODM 3.0 only.</summary>
    public string? Classification { get; set; }

    /// <summary>Mandatory by the standard; null only when read with <see cref="CcsdsReadOptions.AllowEmptyHeader"/>.</summary>
    public CcsdsTime? CreationDate { get; set; }

    public string Originator { get; set; } = "";

    /// <summary>ODM 3.0 only.</summary>
    public string? MessageId { get; set; }
}

/// <summary>The object and frame metadata OPM, OMM and OEM share.</summary>
public abstract class OdmObjectMetadata : CcsdsBlock
{
    public string ObjectName { get; set; } = "";
    /// <summary>The international designator (YYYY-NNNP{PP}).</summary>
    public string ObjectId { get; set; } = "";
    public string CenterName { get; set; } = "EARTH";
    public string RefFrame { get; set; } = "EME2000";
    public CcsdsTime? RefFrameEpoch { get; set; }
    /// <summary>The time system of every epoch in the message (or segment).</summary>
    public string TimeSystem { get; set; } = CcsdsTimeSystems.Utc;
}

/// <summary>A Cartesian state: epoch, position (km) and velocity (km/s).</summary>
public sealed class StateVector : CcsdsBlock
{
    public CcsdsTime Epoch { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public double Z { get; set; }
    public double XDot { get; set; }
    public double YDot { get; set; }
    public double ZDot { get; set; }
}

/// <summary>Osculating Keplerian elements of an OPM.</summary>
public sealed class KeplerianElements : CcsdsBlock
{
    public double SemiMajorAxis { get; set; }
    public double Eccentricity { get; set; }
    public double Inclination { get; set; }
    public double RaOfAscNode { get; set; }
    public double ArgOfPericenter { get; set; }
    /// <summary>One of <see cref="TrueAnomaly"/> and <see cref="MeanAnomaly"/> is given.</summary>
    public double? TrueAnomaly { get; set; }
    public double? MeanAnomaly { get; set; }
    public double Gm { get; set; }
}

/// <summary>Mass and area parameters (OPM, OMM).</summary>
public sealed class SpacecraftParameters : CcsdsBlock
{
    public double? Mass { get; set; }
    public double? SolarRadArea { get; set; }
    public double? SolarRadCoeff { get; set; }
    public double? DragArea { get; set; }
    public double? DragCoeff { get; set; }
}

/// <summary>
/// A 6x6 position-velocity covariance (km**2, km**2/s, km**2/s**2), stored as its lower triangle row by row:
/// CX_X; CY_X CY_Y; CZ_X CZ_Y CZ_Z; CX_DOT_X ... CX_DOT_X_DOT; ...; CZ_DOT_X ... CZ_DOT_Z_DOT.
/// </summary>
public sealed class CartesianCovariance : CcsdsBlock
{
    private static readonly string[] _axes = ["X", "Y", "Z", "X_DOT", "Y_DOT", "Z_DOT"];

    /// <summary>The OEM covariance epoch (absent in OPM and OMM).</summary>
    public CcsdsTime? Epoch { get; set; }

    /// <summary>Absent: the metadata REF_FRAME.</summary>
    public string? CovRefFrame { get; set; }

    /// <summary>The 21 lower-triangle terms, row by row.</summary>
    public double[] LowerTriangle { get; set; } = new double[21];

    public double this[int row, int column]
    {
        get => LowerTriangle[TriangleIndex(row, column)];
        set => LowerTriangle[TriangleIndex(row, column)] = value;
    }

    /// <summary>The keywords of the lower triangle in order: CX_X, CY_X, ..., CZ_DOT_Z_DOT.</summary>
    public static IReadOnlyList<string> Keywords { get; } =
        [.. Enumerable.Range(0, 6).SelectMany(row => Enumerable.Range(0, row + 1).Select(column => $"C{_axes[row]}_{_axes[column]}"))];

    internal static string UnitOf(int index)
    {
        var (row, column) = RowColumn(index);
        return ((row >= 3 ? 1 : 0) + (column >= 3 ? 1 : 0)) switch
        {
            0 => "km**2",
            1 => "km**2/s",
            _ => "km**2/s**2",
        };
    }

    internal static (int Row, int Column) RowColumn(int index)
    {
        var row = 0;
        while ((row + 1) * (row + 2) / 2 <= index)
        {
            row++;
        }
        return (row, index - row * (row + 1) / 2);
    }

    private static int TriangleIndex(int row, int column)
    {
        if (row < 0 || row > 5 || column < 0 || column > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(row), "covariance indices run from 0 to 5");
        }
        var (high, low) = row >= column ? (row, column) : (column, row);
        return high * (high + 1) / 2 + low;
    }
}

/// <summary>USER_DEFINED_x = value parameters, in order.</summary>
public sealed class UserDefinedParameters : CcsdsBlock
{
    /// <summary>Parameter names without the USER_DEFINED_ prefix, with their values.</summary>
    public List<KeyValuePair<string, string>> Parameters { get; set; } = [];

    internal const string Prefix = "USER_DEFINED_";

    internal override bool AcceptUnknown(Entry entry, ReadContext context)
    {
        if (!entry.Keyword.StartsWith(Prefix, StringComparison.Ordinal) || entry.Keyword.Length == Prefix.Length)
        {
            return false;
        }
        var name = entry.Keyword[Prefix.Length..];
        if (Parameters.Any(parameter => parameter.Key == name))
        {
            context.Error(CcsdsErrorKind.DuplicateKeyword, entry.Location, entry.Keyword, $"{entry.Keyword} is given more than once");
            return true;
        }
        // the value as written: brackets at its end are part of it
        Parameters.Add(new(name, entry.Raw));
        Locate(entry.Keyword, entry.Location);
        return true;
    }

    internal override void WriteExtra(Node node)
    {
        foreach (var (name, value) in Parameters)
        {
            node.Add(Prefix + name, value);
        }
    }
}

/// <summary>The keyword maps of the blocks ODM messages share.</summary>
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
        .Number("X", "km", m => m.X, (m, v) => m.X = v, mandatory: true)
        .Number("Y", "km", m => m.Y, (m, v) => m.Y = v, mandatory: true)
        .Number("Z", "km", m => m.Z, (m, v) => m.Z = v, mandatory: true)
        .Number("X_DOT", "km/s", m => m.XDot, (m, v) => m.XDot = v, mandatory: true)
        .Number("Y_DOT", "km/s", m => m.YDot, (m, v) => m.YDot = v, mandatory: true)
        .Number("Z_DOT", "km/s", m => m.ZDot, (m, v) => m.ZDot = v, mandatory: true);

    public static readonly BlockMap<KeplerianElements> Keplerian = new BlockMap<KeplerianElements>("keplerianElements")
        .Number("SEMI_MAJOR_AXIS", "km", m => m.SemiMajorAxis, (m, v) => m.SemiMajorAxis = v, mandatory: true)
        .Number("ECCENTRICITY", null, m => m.Eccentricity, (m, v) => m.Eccentricity = v, mandatory: true, check: NonNegative)
        .Number("INCLINATION", "deg", m => m.Inclination, (m, v) => m.Inclination = v, mandatory: true, check: Inclination)
        .Number("RA_OF_ASC_NODE", "deg", m => m.RaOfAscNode, (m, v) => m.RaOfAscNode = v, mandatory: true)
        .Number("ARG_OF_PERICENTER", "deg", m => m.ArgOfPericenter, (m, v) => m.ArgOfPericenter = v, mandatory: true)
        .Number("TRUE_ANOMALY", "deg", m => m.TrueAnomaly, (m, v) => m.TrueAnomaly = v)
        .Number("MEAN_ANOMALY", "deg", m => m.MeanAnomaly, (m, v) => m.MeanAnomaly = v)
        .Number("GM", "km**3/s**2", m => m.Gm, (m, v) => m.Gm = v, mandatory: true, check: Positive);

    public static readonly BlockMap<SpacecraftParameters> Spacecraft = new BlockMap<SpacecraftParameters>("spacecraftParameters")
        .Number("MASS", "kg", m => m.Mass, (m, v) => m.Mass = v, check: NonNegative)
        .Number("SOLAR_RAD_AREA", "m**2", m => m.SolarRadArea, (m, v) => m.SolarRadArea = v, check: NonNegative)
        .Number("SOLAR_RAD_COEFF", null, m => m.SolarRadCoeff, (m, v) => m.SolarRadCoeff = v)
        .Number("DRAG_AREA", "m**2", m => m.DragArea, (m, v) => m.DragArea = v, check: NonNegative)
        .Number("DRAG_COEFF", null, m => m.DragCoeff, (m, v) => m.DragCoeff = v);

    public static readonly BlockMap<CartesianCovariance> Covariance = CovarianceMap(withEpoch: false);

    public static readonly BlockMap<CartesianCovariance> OemCovariance = CovarianceMap(withEpoch: true);

    public static readonly BlockMap<UserDefinedParameters> UserDefined = new("userDefinedParameters");

    public static bool IsUserDefined(string keyword) => keyword.StartsWith(UserDefinedParameters.Prefix, StringComparison.Ordinal);

    public static string? NonNegative(double value) => value >= 0 ? null : "must not be negative";

    public static string? Positive(double value) => value > 0 ? null : "must be positive";

    public static string? NonPositive(double value) => value <= 0 ? null : "must not be positive";

    public static string? Inclination(double value) => value is >= 0 and <= 180 ? null : "is not an inclination between 0 and 180 degrees";

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
