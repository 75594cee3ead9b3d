using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Elements;

/// <summary>
/// Two-body (osculating) Keplerian elements of a Cartesian state in an Earth-centred inertial frame: what an OPM or
/// an OCM state says about the orbit's size, shape and orientation. Angles in degrees.
/// </summary>
public sealed record OsculatingElements(
    double SemiMajorAxisKm, double Eccentricity, double InclinationDeg, double RaanDeg, double ArgOfPerigeeDeg, double MeanAnomalyDeg)
{
    /// <summary>Elements of a closed orbit; null for a state on an escape trajectory (e ≥ 1), where they mean nothing here.</summary>
    public static OsculatingElements? FromState(StateVector state, double mu = EarthConstants.MuKm3PerS2)
    {
        var r = state.PositionKm;
        var v = state.VelocityKmPerS;
        var radius = r.Length;
        var energy = v.LengthSquared / 2.0 - mu / radius;
        if (radius <= 0 || energy >= 0)
        {
            return null;
        }
        var a = -mu / (2.0 * energy);
        var h = Vector3d.Cross(r, v);
        var eVector = Vector3d.Cross(v, h) / mu - r / radius;
        var e = eVector.Length;
        var inclination = Math.Acos(Math.Clamp(h.Z / h.Length, -1.0, 1.0));
        var node = new Vector3d(-h.Y, h.X, 0.0);
        var raan = node.Length < 1e-12 ? 0.0 : Math.Atan2(node.Y, node.X);
        // argument of perigee and true anomaly, measured from the node (or the x axis for an equatorial orbit)
        var nodeDirection = node.Length < 1e-12 ? new Vector3d(1, 0, 0) : node.Normalized();
        var inPlane = Vector3d.Cross(h.Normalized(), nodeDirection);
        var argPerigee = e < 1e-12 ? 0.0 : Math.Atan2(Vector3d.Dot(eVector, inPlane), Vector3d.Dot(eVector, nodeDirection));
        var argLatitude = Math.Atan2(Vector3d.Dot(r, inPlane), Vector3d.Dot(r, nodeDirection));
        var trueAnomaly = argLatitude - argPerigee;
        var eccentricAnomaly = 2.0 * Math.Atan(Math.Sqrt((1 - e) / (1 + e)) * Math.Tan(trueAnomaly / 2.0));
        var meanAnomaly = eccentricAnomaly - e * Math.Sin(eccentricAnomaly);
        return new OsculatingElements(a, e, Degrees(inclination), Degrees(raan), Degrees(argPerigee), Degrees(meanAnomaly));
    }

    private static double Degrees(double radians)
    {
        var degrees = radians * 180.0 / Math.PI % 360.0;
        return degrees < 0 ? degrees + 360.0 : degrees;
    }
}
