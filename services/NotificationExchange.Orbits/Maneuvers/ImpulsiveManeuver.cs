using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Orbits.Maneuvers;

/// <summary>A planned impulsive maneuver: ignition time and delta-v in the radial, in-track and cross-track directions (m/s).</summary>
public sealed record ImpulsiveManeuver(DateTime IgnitionUtc, double RadialMps, double InTrackMps, double CrossTrackMps)
{
    /// <summary>
    /// The trajectory after the burn: the state at ignition (from the element set in force just before it) gets the
    /// delta-v, and new SGP4 mean elements, epoched at the ignition, are fitted by differential correction so that SGP4
    /// reproduces the post-burn state exactly (to below a millimetre). The drag term (BSTAR) is kept. Before the
    /// ignition the trajectory is unchanged. The ignition must come after every switch the trajectory already has:
    /// burns are applied in time order (see <see cref="ApplyAll"/>).
    /// </summary>
    public Trajectory ApplyTo(Trajectory trajectory)
    {
        if (trajectory.Ephemeris is not null)
        {
            throw new InvalidOperationException($"object {trajectory.CatalogNumber} is given by an ephemeris: its planned burns belong in it");
        }
        if (trajectory.SwitchTimes.Count > 0 && IgnitionUtc <= trajectory.SwitchTimes[^1])
        {
            throw new ArgumentException(
                $"object {trajectory.CatalogNumber}: the burn at {IgnitionUtc:O} is not after the last one applied ({trajectory.SwitchTimes[^1]:O}); apply burns in time order",
                nameof(trajectory));
        }
        var error = trajectory.StateAt(IgnitionUtc, out var state);
        if (error != Sgp4Error.None)
        {
            throw new InvalidOperationException($"object {trajectory.CatalogNumber} cannot be propagated to the ignition {IgnitionUtc:O}: SGP4 error {error}");
        }
        var burned = new StateVector(state.PositionKm, state.VelocityKmPerS + DeltaVKmPerS(state));
        var fitted = MeanElementFit.Fit(burned, IgnitionUtc, trajectory.PropagatorAt(IgnitionUtc).Elements);
        return trajectory.ContinuedBy(IgnitionUtc, new Sgp4Propagator(fitted));
    }

    /// <summary>
    /// A plan of several burns (an RPO chaser's): each applied in ignition order with <see cref="ApplyTo"/>, so each
    /// fit starts from the state the earlier burns lead to. Two burns at the same ignition are refused (a plan gives
    /// their sum as one burn).
    /// </summary>
    public static Trajectory ApplyAll(Trajectory trajectory, IEnumerable<ImpulsiveManeuver> maneuvers)
    {
        var ordered = maneuvers.OrderBy(m => m.IgnitionUtc).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].IgnitionUtc == ordered[i - 1].IgnitionUtc)
            {
                throw new ArgumentException($"two burns at the same ignition {ordered[i].IgnitionUtc:O}", nameof(maneuvers));
            }
        }
        return ordered.Aggregate(trajectory, (path, maneuver) => maneuver.ApplyTo(path));
    }

    /// <summary>The delta-v as a TEME vector (km/s) in the radial/in-track/cross-track frame of a state.</summary>
    public Vector3d DeltaVKmPerS(StateVector state)
    {
        var radial = state.PositionKm.Normalized();
        var crossTrack = Vector3d.Cross(state.PositionKm, state.VelocityKmPerS).Normalized();
        var inTrack = Vector3d.Cross(crossTrack, radial);
        return (radial * RadialMps + inTrack * InTrackMps + crossTrack * CrossTrackMps) / 1000.0;
    }
}

/// <summary>
/// Fits SGP4 mean elements to an osculating TEME state by Newton's method on equinoctial elements (which stay regular
/// for circular and equatorial orbits): the unknowns are the mean elements, the residual the difference between
/// SGP4's osculating elements at the epoch and the target's, and the Jacobian is taken by finite differences at every
/// step. A plain fixed-point iteration (mean += target − osculating) assumes that Jacobian is the identity up to
/// terms of order J2, which holds near Earth but not for near-equatorial deep-space orbits: SDP4's lunar-solar
/// periodics at the epoch move the inclination vector by about 1e-4 rad, as much as the inclination itself below
/// about 0.05°, and through Lyddane's form they depend on the node, so the map from mean to osculating (p, q) rotates
/// and stretches that plane and the fixed point oscillates or creeps (GEO station keeping burns failed so).
/// </summary>
public static class MeanElementFit
{
    private const int MaxIterations = 30;
    // Absolute, not relative: at GEO's 42,164 km, 1e-7 km is 2.4e-12 of the radius, a few hundred ulps; SDP4 at the
    // epoch reproduces its own state to about 1e-11 km there, so the tolerance is reachable with room to spare.
    private const double PositionToleranceKm = 1e-7;
    private const double VelocityToleranceKmPerS = 1e-10;
    private const double Mu = Sgp4Propagator.MuKm3PerS2;

    public static Sgp4Elements Fit(StateVector target, DateTime epochUtc, Sgp4Elements template)
    {
        var goal = Equinoctial.FromState(target);
        var guess = goal;
        var residual = Residual(guess, goal, epochUtc, template, out var elements, out var state);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            if ((state.PositionKm - target.PositionKm).Length < PositionToleranceKm
                && (state.VelocityKmPerS - target.VelocityKmPerS).Length < VelocityToleranceKmPerS)
            {
                return elements;
            }
            var step = NewtonStep(guess, residual, goal, epochUtc, template);
            // halve a step that does not reduce the residual: far from the solution the linearisation may overshoot
            var size = 1.0;
            while (true)
            {
                var trial = guess - step * size;
                var trialResidual = Residual(trial, goal, epochUtc, template, out var trialElements, out var trialState);
                if (trialResidual.Norm(goal.A) < residual.Norm(goal.A) || size < 1.0 / 64.0)
                {
                    (guess, residual, elements, state) = (trial, trialResidual, trialElements, trialState);
                    break;
                }
                size /= 2.0;
            }
        }
        throw new InvalidOperationException(
            $"mean elements did not converge to the post-maneuver state (left {(state.PositionKm - target.PositionKm).Length:E2} km, {(state.VelocityKmPerS - target.VelocityKmPerS).Length:E2} km/s after {MaxIterations} Newton steps)");
    }

    /// <summary>SGP4's osculating elements at the epoch from the mean elements <paramref name="mean"/>, less the goal's.</summary>
    private static Equinoctial Residual(
        Equinoctial mean, Equinoctial goal, DateTime epochUtc, Sgp4Elements template, out Sgp4Elements elements, out StateVector state)
    {
        elements = mean.ToSgp4Elements(epochUtc, template);
        var error = new Sgp4Propagator(elements).Propagate(0.0, out state);
        if (error != Sgp4Error.None)
        {
            throw new InvalidOperationException($"SGP4 error {error} while fitting elements to the post-maneuver state");
        }
        return Equinoctial.FromState(state) - goal;
    }

    /// <summary>
    /// J⁻¹·residual, J the residual's Jacobian by forward differences. The steps (1e-8 of a, 1e-8 in the other
    /// elements) are near the square root of the double precision, where truncation and rounding errors balance; an
    /// inexact Jacobian only slows Newton's convergence, the fixed point stays the same.
    /// </summary>
    private static Equinoctial NewtonStep(Equinoctial mean, Equinoctial residual, Equinoctial goal, DateTime epochUtc, Sgp4Elements template)
    {
        var jacobian = new double[6, 6];
        var at = mean.ToArray();
        var r0 = residual.ToArray();
        for (var column = 0; column < 6; column++)
        {
            var h = column == 0 ? 1e-8 * mean.A : 1e-8;
            var shifted = (double[])at.Clone();
            shifted[column] += h;
            var r = Residual(Equinoctial.FromArray(shifted), goal, epochUtc, template, out _, out _).ToArray();
            for (var row = 0; row < 6; row++)
            {
                jacobian[row, column] = (r[row] - r0[row]) / h;
            }
        }
        return Equinoctial.FromArray(SolveLinear(jacobian, r0));
    }

    /// <summary>Gaussian elimination with partial pivoting; throws if the Jacobian is singular (e.g. eccentricity held at SGP4's floor).</summary>
    private static double[] SolveLinear(double[,] matrix, double[] rightHandSide)
    {
        var n = rightHandSide.Length;
        var m = (double[,])matrix.Clone();
        var b = (double[])rightHandSide.Clone();
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            for (var i = k + 1; i < n; i++)
            {
                if (Math.Abs(m[i, k]) > Math.Abs(m[pivot, k]))
                {
                    pivot = i;
                }
            }
            if (m[pivot, k] == 0.0)
            {
                throw new InvalidOperationException("the mean-element fit's Jacobian is singular");
            }
            if (pivot != k)
            {
                for (var j = 0; j < n; j++)
                {
                    (m[k, j], m[pivot, j]) = (m[pivot, j], m[k, j]);
                }
                (b[k], b[pivot]) = (b[pivot], b[k]);
            }
            for (var i = k + 1; i < n; i++)
            {
                var factor = m[i, k] / m[k, k];
                for (var j = k; j < n; j++)
                {
                    m[i, j] -= factor * m[k, j];
                }
                b[i] -= factor * b[k];
            }
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= m[i, j] * x[j];
            }
            x[i] = sum / m[i, i];
        }
        return x;
    }

    /// <summary>Equinoctial elements: a (km), h = e sin ϖ, k = e cos ϖ, p = tan(i/2) sin Ω, q = tan(i/2) cos Ω, λ = M + ϖ.</summary>
    private readonly record struct Equinoctial(double A, double H, double K, double P, double Q, double Lambda)
    {
        public static Equinoctial operator -(Equinoctial x, Equinoctial y) =>
            new(x.A - y.A, x.H - y.H, x.K - y.K, x.P - y.P, x.Q - y.Q, Math.IEEERemainder(x.Lambda - y.Lambda, 2.0 * Math.PI));

        public static Equinoctial operator *(Equinoctial x, double factor) =>
            new(x.A * factor, x.H * factor, x.K * factor, x.P * factor, x.Q * factor, x.Lambda * factor);

        /// <summary>A residual's size in km: a as it is, the others (dimensionless, radians) scaled by the orbit's radius.</summary>
        public double Norm(double radiusKm) =>
            Math.Sqrt(A * A + radiusKm * radiusKm * (H * H + K * K + P * P + Q * Q + Lambda * Lambda));

        public double[] ToArray() => [A, H, K, P, Q, Lambda];

        public static Equinoctial FromArray(double[] x) => new(x[0], x[1], x[2], x[3], x[4], x[5]);

        public static Equinoctial FromState(StateVector state)
        {
            var r = state.PositionKm;
            var v = state.VelocityKmPerS;
            var radius = r.Length;
            var angularMomentum = Vector3d.Cross(r, v);
            var eccentricityVector = Vector3d.Cross(v, angularMomentum) / Mu - r / radius;
            var a = 1.0 / (2.0 / radius - v.LengthSquared / Mu);
            var e = eccentricityVector.Length;
            var w = angularMomentum.Normalized();
            var inclination = Math.Acos(Math.Clamp(w.Z, -1.0, 1.0));
            var node = Math.Atan2(w.X, -w.Y);
            var perigee = e > 1e-12 ? ArgumentInPlane(eccentricityVector, node, w) : 0.0;
            var trueLatitude = ArgumentInPlane(r, node, w);
            var trueAnomaly = trueLatitude - perigee;
            var eccentricAnomaly = 2.0 * Math.Atan(Math.Sqrt((1.0 - e) / (1.0 + e)) * Math.Tan(trueAnomaly / 2.0));
            var meanAnomaly = eccentricAnomaly - e * Math.Sin(eccentricAnomaly);
            var longitudeOfPerigee = perigee + node;
            var tanHalfI = Math.Tan(inclination / 2.0);
            return new Equinoctial(
                a, e * Math.Sin(longitudeOfPerigee), e * Math.Cos(longitudeOfPerigee),
                tanHalfI * Math.Sin(node), tanHalfI * Math.Cos(node), meanAnomaly + longitudeOfPerigee);
        }

        /// <summary>Angle of a vector in the orbit plane, measured from the ascending node.</summary>
        private static double ArgumentInPlane(Vector3d vector, double node, Vector3d normal)
        {
            var nodeDirection = new Vector3d(Math.Cos(node), Math.Sin(node), 0.0);
            var inPlaneNormal = Vector3d.Cross(normal, nodeDirection);
            return Math.Atan2(Vector3d.Dot(vector, inPlaneNormal), Vector3d.Dot(vector, nodeDirection));
        }

        public Sgp4Elements ToSgp4Elements(DateTime epochUtc, Sgp4Elements template)
        {
            var e = Math.Sqrt(H * H + K * K);
            var longitudeOfPerigee = Math.Atan2(H, K);
            var node = Math.Atan2(P, Q);
            var inclination = 2.0 * Math.Atan(Math.Sqrt(P * P + Q * Q));
            var meanMotionRadPerS = Math.Sqrt(Mu / (A * A * A));
            return Sgp4Elements.FromMeanElements(
                template.CatalogNumber, epochUtc,
                meanMotionRadPerS * 86400.0 / (2.0 * Math.PI),
                e,
                Degrees(inclination),
                Degrees(Normalise(node)),
                Degrees(Normalise(longitudeOfPerigee - node)),
                Degrees(Normalise(Lambda - longitudeOfPerigee)),
                template.BStar,
                template.MeanMotionDot,
                template.MeanMotionDdot);
        }

        private static double Normalise(double angle)
        {
            var wrapped = angle % (2.0 * Math.PI);
            return wrapped < 0.0 ? wrapped + 2.0 * Math.PI : wrapped;
        }

        private static double Degrees(double radians) => radians * 180.0 / Math.PI;
    }
}
