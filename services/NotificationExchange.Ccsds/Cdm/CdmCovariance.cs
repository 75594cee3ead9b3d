using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Cdm;

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

    public static IReadOnlyList<string> Keywords { get; } = LowerTriangle.Keywords(Axes);

    public double? this[int row, int column]
    {
        get => Terms[LowerTriangle.Index(row, column, 9)];
        set => Terms[LowerTriangle.Index(row, column, 9)] = value;
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
        var (row, column) = LowerTriangle.RowColumn(index);
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
}
