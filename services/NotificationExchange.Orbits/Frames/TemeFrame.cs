using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Time;

namespace NotificationExchange.Orbits.Frames;

/// <summary>
/// Between the mean equator and equinox of J2000 (EME2000) and SGP4's true equator, mean equinox frame (TEME), as
/// Vallado's teme2eci/eci2teme (Vallado et al. 2006, "Revisiting Spacetrack Report #3"): IAU-76/FK5 precession, the
/// IAU-80 nutation (106 terms, no EOP corrections), and a rotation about the true pole by the equation of the equinoxes
/// without its kinematic terms (Δψ cos ε̄). Velocities are rotated alike (the frame's own turning, a few 1e-12 rad/s,
/// is neglected, as there). GCRF and ICRF are taken as EME2000: the frame bias and the IERS nutation corrections
/// between them (together about 1e-7 rad) are neglected, about a metre at LEO radii (0.94 m in Vallado's example) and
/// up to 5 m at GEO.
/// </summary>
public static class TemeFrame
{
    private const double ArcsecondsToRadians = Math.PI / (180.0 * 3600.0);

    /// <summary>A state in EME2000 at <paramref name="terrestrialTime"/> (TT, as a DateTime) in TEME of that date.</summary>
    public static StateVector FromEme2000(StateVector eme2000, DateTime terrestrialTime)
    {
        var m = Eme2000ToTemeMatrix(terrestrialTime);
        return new StateVector(Apply(m, eme2000.PositionKm), Apply(m, eme2000.VelocityKmPerS));
    }

    /// <summary>A TEME state at <paramref name="terrestrialTime"/> (TT) in EME2000.</summary>
    public static StateVector ToEme2000(StateVector teme, DateTime terrestrialTime)
    {
        var m = Eme2000ToTemeMatrix(terrestrialTime);
        return new StateVector(ApplyTransposed(m, teme.PositionKm), ApplyTransposed(m, teme.VelocityKmPerS));
    }

    /// <summary>TT for a UTC instant given TAI − UTC (the leap seconds in force): UTC + (TAI − UTC) + 32.184 s.</summary>
    public static DateTime TerrestrialTime(DateTime utc, int taiMinusUtcSeconds) => utc.AddSeconds(taiMinusUtcSeconds + 32.184);

    /// <summary>The rotation taking EME2000 vectors to TEME at a TT instant: R3(eqe)·N·P.</summary>
    internal static double[,] Eme2000ToTemeMatrix(DateTime terrestrialTime)
    {
        var (whole, fraction) = JulianDate.FromDateTime(terrestrialTime);
        var t = (whole - JulianDate.J2000 + fraction) / 36525.0;

        // IAU-76 precession angles (arcseconds)
        var zeta = (2306.2181 + (0.30188 + 0.017998 * t) * t) * t * ArcsecondsToRadians;
        var theta = (2004.3109 + (-0.42665 - 0.041833 * t) * t) * t * ArcsecondsToRadians;
        var z = (2306.2181 + (1.09468 + 0.018203 * t) * t) * t * ArcsecondsToRadians;
        var precession = Multiply(RotateZ(-z), Multiply(RotateY(theta), RotateZ(-zeta)));

        var (deltaPsi, deltaEpsilon, meanObliquity) = Iau1980Nutation.At(t);
        var nutation = Multiply(RotateX(-(meanObliquity + deltaEpsilon)), Multiply(RotateZ(-deltaPsi), RotateX(meanObliquity)));

        var equationOfEquinoxes = deltaPsi * Math.Cos(meanObliquity);
        return Multiply(RotateZ(equationOfEquinoxes), Multiply(nutation, precession));
    }

    /// <summary>Frame rotations (the axes turn by the angle): R1, R2, R3 of the astrodynamics texts.</summary>
    private static double[,] RotateX(double angle)
    {
        var (s, c) = Math.SinCos(angle);
        return new[,] { { 1.0, 0.0, 0.0 }, { 0.0, c, s }, { 0.0, -s, c } };
    }

    private static double[,] RotateY(double angle)
    {
        var (s, c) = Math.SinCos(angle);
        return new[,] { { c, 0.0, -s }, { 0.0, 1.0, 0.0 }, { s, 0.0, c } };
    }

    private static double[,] RotateZ(double angle)
    {
        var (s, c) = Math.SinCos(angle);
        return new[,] { { c, s, 0.0 }, { -s, c, 0.0 }, { 0.0, 0.0, 1.0 } };
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var result = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                result[i, j] = a[i, 0] * b[0, j] + a[i, 1] * b[1, j] + a[i, 2] * b[2, j];
            }
        }
        return result;
    }

    private static Vector3d Apply(double[,] m, Vector3d v) => new(
        m[0, 0] * v.X + m[0, 1] * v.Y + m[0, 2] * v.Z,
        m[1, 0] * v.X + m[1, 1] * v.Y + m[1, 2] * v.Z,
        m[2, 0] * v.X + m[2, 1] * v.Y + m[2, 2] * v.Z);

    private static Vector3d ApplyTransposed(double[,] m, Vector3d v) => new(
        m[0, 0] * v.X + m[1, 0] * v.Y + m[2, 0] * v.Z,
        m[0, 1] * v.X + m[1, 1] * v.Y + m[2, 1] * v.Z,
        m[0, 2] * v.X + m[1, 2] * v.Y + m[2, 2] * v.Z);
}
