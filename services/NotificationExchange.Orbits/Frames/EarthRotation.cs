using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Frames;

/// <summary>
/// TEME to Earth-fixed: a rotation about the pole by the Greenwich mean sidereal time (IAU 1982, the model SGP4 is
/// defined with). Polar motion (a few metres) and UT1-UTC (under 0.9 s, up to about 400 m at the equator) are
/// neglected, as they are for every SGP4 product; the result is the pseudo-Earth-fixed frame, which is ITRF to that
/// accuracy.
/// </summary>
public static class EarthRotation
{
    /// <summary>Earth's rotation rate, rad/s (the IERS value).</summary>
    public const double RadPerSecond = 7.292115146706979e-5;

    private const double TwoPi = 2.0 * Math.PI;

    /// <summary>Greenwich mean sidereal time (radians, 0 to 2π) at a UT1 Julian date, IAU 1982.</summary>
    public static double GreenwichMeanSiderealTime(double julianDateUt1)
    {
        var centuries = (julianDateUt1 - Time.JulianDate.J2000) / 36525.0;
        var seconds = -6.2e-6 * centuries * centuries * centuries + 0.093104 * centuries * centuries
            + (876600.0 * 3600.0 + 8640184.812866) * centuries + 67310.54841;
        var radians = seconds * (Math.PI / 180.0) / 240.0 % TwoPi;
        return radians < 0.0 ? radians + TwoPi : radians;
    }

    public static double GreenwichMeanSiderealTime(DateTime utc)
    {
        var (whole, fraction) = Time.JulianDate.FromDateTime(utc);
        return GreenwichMeanSiderealTime(whole + fraction);
    }

    /// <summary>A TEME state at a UTC instant in the Earth-fixed frame (velocity relative to the rotating Earth).</summary>
    public static StateVector TemeToEarthFixed(StateVector teme, DateTime utc)
    {
        var (sin, cos) = Math.SinCos(GreenwichMeanSiderealTime(utc));
        var r = teme.PositionKm;
        var v = teme.VelocityKmPerS;
        var position = new Vector3d(cos * r.X + sin * r.Y, -sin * r.X + cos * r.Y, r.Z);
        var rotatedVelocity = new Vector3d(cos * v.X + sin * v.Y, -sin * v.X + cos * v.Y, v.Z);
        // subtract ω × r, the velocity of the rotating frame at that point
        var velocity = new Vector3d(
            rotatedVelocity.X + RadPerSecond * position.Y,
            rotatedVelocity.Y - RadPerSecond * position.X,
            rotatedVelocity.Z);
        return new StateVector(position, velocity);
    }

    /// <summary>The inverse of <see cref="TemeToEarthFixed"/>.</summary>
    public static StateVector EarthFixedToTeme(StateVector earthFixed, DateTime utc)
    {
        var (sin, cos) = Math.SinCos(GreenwichMeanSiderealTime(utc));
        var r = earthFixed.PositionKm;
        var v = earthFixed.VelocityKmPerS;
        var inertialVelocity = new Vector3d(v.X - RadPerSecond * r.Y, v.Y + RadPerSecond * r.X, v.Z);
        return new StateVector(
            new Vector3d(cos * r.X - sin * r.Y, sin * r.X + cos * r.Y, r.Z),
            new Vector3d(cos * inertialVelocity.X - sin * inertialVelocity.Y, sin * inertialVelocity.X + cos * inertialVelocity.Y, inertialVelocity.Z));
    }
}
