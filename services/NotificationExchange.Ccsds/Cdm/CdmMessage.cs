namespace NotificationExchange.Ccsds.Cdm;

/// <summary>The CDM header.</summary>
public sealed class CdmHeader : CcsdsBlock
{
    public string Version { get; set; } = "1.0";
    public CcsdsTime CreationDate { get; set; }
    public string Originator { get; set; } = "";
    /// <summary>The spacecraft the message is for (optional).</summary>
    public string? MessageFor { get; set; }
    public string MessageId { get; set; } = "";
}

/// <summary>
/// What the CDM says about the pair: time and distance of closest approach, the relative state at TCA in the RTN frame
/// of object 1 (m, m/s), the screening period and volume, and the collision probability.
/// </summary>
public sealed class CdmRelativeMetadata : CcsdsBlock
{
    /// <summary>UTC.</summary>
    public CcsdsTime Tca { get; set; }
    /// <summary>Metres.</summary>
    public double MissDistance { get; set; }
    /// <summary>m/s.</summary>
    public double? RelativeSpeed { get; set; }
    public double? RelativePositionR { get; set; }
    public double? RelativePositionT { get; set; }
    public double? RelativePositionN { get; set; }
    public double? RelativeVelocityR { get; set; }
    public double? RelativeVelocityT { get; set; }
    public double? RelativeVelocityN { get; set; }
    public CcsdsTime? StartScreenPeriod { get; set; }
    public CcsdsTime? StopScreenPeriod { get; set; }
    /// <summary>RTN or TVN.</summary>
    public string? ScreenVolumeFrame { get; set; }
    /// <summary>ELLIPSOID or BOX.</summary>
    public string? ScreenVolumeShape { get; set; }
    /// <summary>Metres, along the first axis of <see cref="ScreenVolumeFrame"/> (radial for RTN).</summary>
    public double? ScreenVolumeX { get; set; }
    public double? ScreenVolumeY { get; set; }
    public double? ScreenVolumeZ { get; set; }
    public CcsdsTime? ScreenEntryTime { get; set; }
    public CcsdsTime? ScreenExitTime { get; set; }
    /// <summary>Between 0 and 1.</summary>
    public double? CollisionProbability { get; set; }
    public string? CollisionProbabilityMethod { get; set; }
}

/// <summary>One object's metadata.</summary>
public sealed class CdmObjectMetadata : CcsdsBlock
{
    /// <summary>OBJECT1 or OBJECT2.</summary>
    public string Object { get; set; } = "OBJECT1";
    /// <summary>The catalogue number in <see cref="CatalogName"/>.</summary>
    public string ObjectDesignator { get; set; } = "";
    public string CatalogName { get; set; } = "SATCAT";
    public string ObjectName { get; set; } = "";
    /// <summary>Written as given: CDMs in use carry values that are not YYYY-NNNP designators (test cases use "1001").</summary>
    public string InternationalDesignator { get; set; } = "";
    /// <summary>PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN or OTHER.</summary>
    public string? ObjectType { get; set; }
    public string? OperatorContactPosition { get; set; }
    public string? OperatorOrganization { get; set; }
    public string? OperatorPhone { get; set; }
    public string? OperatorEmail { get; set; }
    /// <summary>The ephemeris used, or NONE.</summary>
    public string EphemerisName { get; set; } = "NONE";
    /// <summary>CALCULATED or DEFAULT.</summary>
    public string CovarianceMethod { get; set; } = "CALCULATED";
    /// <summary>YES, NO or N/A.</summary>
    public string Maneuverable { get; set; } = "N/A";
    public string? OrbitCenter { get; set; }
    /// <summary>EME2000, GCRF or ITRF.</summary>
    public string RefFrame { get; set; } = "EME2000";
    public string? GravityModel { get; set; }
    public string? AtmosphericModel { get; set; }
    public string? NBodyPerturbations { get; set; }
    /// <summary>YES or NO.</summary>
    public string? SolarRadPressure { get; set; }
    public string? EarthTides { get; set; }
    public string? IntrackThrust { get; set; }
}

/// <summary>Orbit determination parameters of one object.</summary>
public sealed class CdmOdParameters : CcsdsBlock
{
    public CcsdsTime? TimeLastObStart { get; set; }
    public CcsdsTime? TimeLastObEnd { get; set; }
    /// <summary>Days.</summary>
    public double? RecommendedOdSpan { get; set; }
    public double? ActualOdSpan { get; set; }
    public long? ObsAvailable { get; set; }
    public long? ObsUsed { get; set; }
    public long? TracksAvailable { get; set; }
    public long? TracksUsed { get; set; }
    /// <summary>Per cent.</summary>
    public double? ResidualsAccepted { get; set; }
    public double? WeightedRms { get; set; }
}

/// <summary>Additional physical parameters of one object.</summary>
public sealed class CdmAdditionalParameters : CcsdsBlock
{
    public double? AreaPc { get; set; }
    public double? AreaDrg { get; set; }
    public double? AreaSrp { get; set; }
    public double? Mass { get; set; }
    public double? CdAreaOverMass { get; set; }
    public double? CrAreaOverMass { get; set; }
    public double? ThrustAcceleration { get; set; }
    public double? Sedr { get; set; }
}

/// <summary>The object's state at TCA in its REF_FRAME (km, km/s).</summary>
public sealed class CdmStateVector : CcsdsBlock
{
    public double X { get; set; }
    public double Y { get; set; }
    public double Z { get; set; }
    public double XDot { get; set; }
    public double YDot { get; set; }
    public double ZDot { get; set; }
}

/// <summary>
/// The object's covariance at TCA in its RTN frame: the lower triangle of the 9x9 matrix over R, T, N, RDOT, TDOT,
/// NDOT, DRG, SRP, THR (m, m/s based units), row by row. The first 21 terms (position and velocity) are mandatory; the
/// drag, solar-pressure and thrust rows are optional (null when absent).
/// </summary>
public sealed class CdmCovariance : CcsdsBlock
{
    internal static readonly string[] Axes = ["R", "T", "N", "RDOT", "TDOT", "NDOT", "DRG", "SRP", "THR"];

    /// <summary>45 terms: CR_R, CT_R, CT_T, ..., CTHR_THR.</summary>
    public double?[] Terms { get; set; } = new double?[45];

    public static IReadOnlyList<string> Keywords { get; } =
        [.. Enumerable.Range(0, 9).SelectMany(row => Enumerable.Range(0, row + 1).Select(column => $"C{Axes[row]}_{Axes[column]}"))];

    public double? this[int row, int column]
    {
        get => Terms[Index(row, column)];
        set => Terms[Index(row, column)] = value;
    }

    /// <summary>A covariance from a 6x6 position-velocity RTN matrix in m and m/s (only its lower triangle is read).</summary>
    public static CdmCovariance FromPositionVelocity(double[,] matrix)
    {
        if (matrix.GetLength(0) != 6 || matrix.GetLength(1) != 6)
        {
            throw new ArgumentException("a position-velocity covariance is 6x6", nameof(matrix));
        }
        var covariance = new CdmCovariance();
        for (var row = 0; row < 6; row++)
        {
            for (var column = 0; column <= row; column++)
            {
                covariance[row, column] = matrix[row, column];
            }
        }
        return covariance;
    }

    internal static string UnitOf(int index)
    {
        var row = 0;
        while ((row + 1) * (row + 2) / 2 <= index)
        {
            row++;
        }
        var column = index - row * (row + 1) / 2;
        return (Axes[row], Axes[column]) switch
        {
            ("DRG" or "SRP", "DRG" or "SRP") => "m**4/kg**2",
            ("DRG" or "SRP", "R" or "T" or "N") => "m**3/kg",
            ("DRG" or "SRP", _) => "m**3/(kg*s)",
            ("THR", "R" or "T" or "N") => "m**2/s**2",
            ("THR", "DRG" or "SRP") => "m**3/(kg*s**2)",
            ("THR", "THR") => "m**2/s**4",
            ("THR", _) => "m**2/s**3",
            _ => ((row >= 3 ? 1 : 0) + (column >= 3 ? 1 : 0)) switch { 0 => "m**2", 1 => "m**2/s", _ => "m**2/s**2" },
        };
    }

    private static int Index(int row, int column)
    {
        if (row < 0 || row > 8 || column < 0 || column > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(row), "CDM covariance indices run from 0 to 8");
        }
        var (high, low) = row >= column ? (row, column) : (column, row);
        return high * (high + 1) / 2 + low;
    }
}

/// <summary>One of the two objects of a conjunction.</summary>
public sealed class CdmObject
{
    public CdmObjectMetadata Metadata { get; set; } = new();
    public CdmOdParameters? OdParameters { get; set; }
    public CdmAdditionalParameters? AdditionalParameters { get; set; }
    public CdmStateVector StateVector { get; set; } = new();
    /// <summary>Mandatory in 508.0-B-1; null when not known (such a CDM reads back only with <see cref="CcsdsReadOptions.AllowMissingCdmCovariance"/>).</summary>
    public CdmCovariance? Covariance { get; set; }
}

/// <summary>A Conjunction Data Message (CCSDS 508.0-B-1): the pair's relative data and both objects.</summary>
public sealed class CdmMessage
{
    public CdmHeader Header { get; set; } = new();
    public CdmRelativeMetadata RelativeMetadata { get; set; } = new();
    public CdmObject Object1 { get; set; } = new() { Metadata = new CdmObjectMetadata { Object = "OBJECT1" } };
    public CdmObject Object2 { get; set; } = new() { Metadata = new CdmObjectMetadata { Object = "OBJECT2" } };
}
