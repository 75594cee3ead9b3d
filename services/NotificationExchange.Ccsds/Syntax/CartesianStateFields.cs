namespace NotificationExchange.Ccsds.Syntax;

/// <summary>The keywords of a <see cref="CartesianState"/>, which every message giving one writes alike.</summary>
internal static class CartesianStateFields
{
    /// <summary>Adds X, Y, Z (km) and X_DOT, Y_DOT, Z_DOT (km/s), all mandatory, in that order.</summary>
    public static BlockMap<T> PositionVelocity<T>(this BlockMap<T> map) where T : CartesianState, new() => map
        .Number("X", "km", m => m.X, (m, v) => m.X = v, mandatory: true)
        .Number("Y", "km", m => m.Y, (m, v) => m.Y = v, mandatory: true)
        .Number("Z", "km", m => m.Z, (m, v) => m.Z = v, mandatory: true)
        .Number("X_DOT", "km/s", m => m.XDot, (m, v) => m.XDot = v, mandatory: true)
        .Number("Y_DOT", "km/s", m => m.YDot, (m, v) => m.YDot = v, mandatory: true)
        .Number("Z_DOT", "km/s", m => m.ZDot, (m, v) => m.ZDot = v, mandatory: true);
}
