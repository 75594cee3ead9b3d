namespace NotificationExchange.Ccsds.Syntax;

/// <summary>
/// A symmetric matrix kept as its lower triangle row by row (the order of the covariance keywords): term (row, column)
/// with column &lt;= row is at row * (row + 1) / 2 + column.
/// </summary>
internal static class LowerTriangle
{
    /// <summary>The keyword of each term in order: C{row axis}_{column axis} (CX_X, CY_X, CY_Y, ...).</summary>
    public static IReadOnlyList<string> Keywords(IReadOnlyList<string> axes) =>
        [.. Enumerable.Range(0, axes.Count).SelectMany(row => Enumerable.Range(0, row + 1).Select(column => $"C{axes[row]}_{axes[column]}"))];

    public static (int Row, int Column) RowColumn(int index)
    {
        var row = 0;
        while ((row + 1) * (row + 2) / 2 <= index)
        {
            row++;
        }
        return (row, index - row * (row + 1) / 2);
    }

    /// <summary>The index of term (row, column) of a <paramref name="size"/> x <paramref name="size"/> matrix, either order.</summary>
    public static int Index(int row, int column, int size)
    {
        if (row < 0 || row >= size || column < 0 || column >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"covariance indices run from 0 to {size - 1}");
        }
        var (high, low) = row >= column ? (row, column) : (column, row);
        return high * (high + 1) / 2 + low;
    }
}
