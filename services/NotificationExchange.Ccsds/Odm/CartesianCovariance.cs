namespace NotificationExchange.Ccsds.Odm;

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
        get => LowerTriangle[Syntax.LowerTriangle.Index(row, column, 6)];
        set => LowerTriangle[Syntax.LowerTriangle.Index(row, column, 6)] = value;
    }

    /// <summary>The keywords of the lower triangle in order: CX_X, CY_X, ..., CZ_DOT_Z_DOT.</summary>
    public static IReadOnlyList<string> Keywords { get; } = Syntax.LowerTriangle.Keywords(_axes);

    internal static string UnitOf(int index)
    {
        var (row, column) = Syntax.LowerTriangle.RowColumn(index);
        return ((row >= 3 ? 1 : 0) + (column >= 3 ? 1 : 0)) switch
        {
            0 => "km**2",
            1 => "km**2/s",
            _ => "km**2/s**2",
        };
    }
}
