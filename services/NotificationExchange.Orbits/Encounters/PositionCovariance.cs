using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// A 3x3 symmetric position covariance in m², in an inertial frame (the frame of the states it goes with: TEME for
/// SGP4, EME2000 for most CDMs).
/// </summary>
public readonly record struct PositionCovariance(double Xx, double Xy, double Xz, double Yy, double Yz, double Zz)
{
    /// <summary>
    /// From the RTN terms a CDM gives (CR_R, CT_R, CT_T, CN_R, CN_T, CN_N, m²) and the object's state at TCA, which
    /// defines the frame: R along the position, N along r × v, T = N × R.
    /// </summary>
    public static PositionCovariance FromRtn(StateVector state, double crR, double ctR, double ctT, double cnR, double cnT, double cnN)
    {
        RequireFinite(crR, "CR_R");
        RequireFinite(ctR, "CT_R");
        RequireFinite(ctT, "CT_T");
        RequireFinite(cnR, "CN_R");
        RequireFinite(cnT, "CN_T");
        RequireFinite(cnN, "CN_N");
        RequireNonNegative(crR, "CR_R");
        RequireNonNegative(ctT, "CT_T");
        RequireNonNegative(cnN, "CN_N");
        var r = state.PositionKm;
        var h = Vector3d.Cross(r, state.VelocityKmPerS);
        if (r.Length == 0.0 || h.Length == 0.0)
        {
            throw new ArgumentException("the state defines no RTN frame: its position is zero or parallel to its velocity", nameof(state));
        }
        var radial = r.Normalized();
        var normal = h.Normalized();
        var transverse = Vector3d.Cross(normal, radial);
        return FromAxes(radial, transverse, normal, crR, ctR, ctT, cnR, cnT, cnN);
    }

    /// <summary>The covariance of the sum of two independent errors.</summary>
    public static PositionCovariance operator +(PositionCovariance a, PositionCovariance b) =>
        new(a.Xx + b.Xx, a.Xy + b.Xy, a.Xz + b.Xz, a.Yy + b.Yy, a.Yz + b.Yz, a.Zz + b.Zz);

    /// <summary>uᵀ C w.</summary>
    public double Quadratic(Vector3d u, Vector3d w) =>
        u.X * (Xx * w.X + Xy * w.Y + Xz * w.Z)
        + u.Y * (Xy * w.X + Yy * w.Y + Yz * w.Z)
        + u.Z * (Xz * w.X + Yz * w.Y + Zz * w.Z);

    /// <summary>The covariance whose terms in the orthonormal axes (a, b, c) are the given ones: M C Mᵀ, M = [a b c].</summary>
    internal static PositionCovariance FromAxes(Vector3d a, Vector3d b, Vector3d c,
        double aa, double ba, double bb, double ca, double cb, double cc)
    {
        double Term(double ai, double bi, double ci, double aj, double bj, double cj) =>
            ai * (aa * aj + ba * bj + ca * cj)
            + bi * (ba * aj + bb * bj + cb * cj)
            + ci * (ca * aj + cb * bj + cc * cj);
        return new PositionCovariance(
            Term(a.X, b.X, c.X, a.X, b.X, c.X),
            Term(a.X, b.X, c.X, a.Y, b.Y, c.Y),
            Term(a.X, b.X, c.X, a.Z, b.Z, c.Z),
            Term(a.Y, b.Y, c.Y, a.Y, b.Y, c.Y),
            Term(a.Y, b.Y, c.Y, a.Z, b.Z, c.Z),
            Term(a.Z, b.Z, c.Z, a.Z, b.Z, c.Z));
    }

    private static void RequireFinite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{field} must be a finite number of m², not {value}", field);
        }
    }

    private static void RequireNonNegative(double value, string field)
    {
        if (value < 0.0)
        {
            throw new ArgumentException($"{field} is a variance and cannot be negative ({value} m²)", field);
        }
    }
}
