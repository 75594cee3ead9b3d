namespace NotificationExchange.Orbits.Ephemerides;

/// <summary>How the states of an <see cref="EphemerisSegment"/> are interpolated (CCSDS OEM INTERPOLATION).</summary>
public enum EphemerisInterpolation
{
    /// <summary>Hermite on position and velocity: ⌈(degree + 1)/2⌉ states, each giving its position and velocity.</summary>
    Hermite,

    /// <summary>Lagrange: degree + 1 states; position and velocity each interpolated from the states' own values.</summary>
    Lagrange,
}
