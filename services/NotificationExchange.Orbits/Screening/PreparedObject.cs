using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>One object bound to a window, with the bounds the filters use.</summary>
internal sealed class PreparedObject
{
    private const double Re = Sgp4Propagator.EarthRadiusKm;

    private PreparedObject(BoundTrajectory trajectory, double windowSeconds)
    {
        Trajectory = trajectory;
        WindowSeconds = windowSeconds;
    }

    public double WindowSeconds { get; }

    public BoundTrajectory Trajectory { get; }
    public int CatalogNumber => Trajectory.Source.CatalogNumber;

    /// <summary>Lowest and highest radius (km) SGP4 can give the object during the window.</summary>
    public double MinRadiusKm { get; private set; }
    public double MaxRadiusKm { get; private set; } = double.PositiveInfinity;

    /// <summary>Upper bound on the gravitational acceleration the object feels in the window, km/s².</summary>
    public double AccelerationBoundKmPerS2 { get; private set; }

    /// <summary>Orbit normals at every <see cref="ScreeningCatalog.SampleSpacingSeconds"/> from the window start and at its
    /// end; null when they cannot be trusted (a maneuver inside the window, an element set that fails).</summary>
    public Vector3d[]? Normals { get; private set; }

    /// <summary>How far (km) the object can stray from the plane of its interpolated normal.</summary>
    public double PlanePaddingKm { get; private set; }

    /// <summary>Perigee altitude at the window start (km), which picks the default screening volume.</summary>
    public double PerigeeAltitudeKm { get; private set; }

    /// <summary>The volume a screen uses for the object as a primary when none is given: the Space-Track size for its
    /// perigee and regime.</summary>
    public ScreeningVolume DefaultVolume => ScreeningVolume.SpaceTrackDefault(PerigeeAltitudeKm, Trajectory.Source.IsDeepSpace);

    /// <summary>
    /// Until when (s from the window start) SGP4 gives the object a state: an element set is screened up to its first
    /// failure (usually decay) and not after, so a decayed object never reappears.
    /// </summary>
    public double ValidUntilSeconds { get; private set; } = double.PositiveInfinity;

    /// <summary>
    /// From when (s from the window start) the object has a state: 0 for an element set; for an ephemeris, the start
    /// of its span when that is later (never negative).
    /// </summary>
    public double ValidFromSeconds { get; private set; }

    /// <summary>
    /// The first failure in (from, to], to a second: steps through it every 10 s (to included), because an orbit in
    /// trouble fails for part of a revolution and works again (a decaying one dips below the surface at one perigee, a
    /// mean eccentricity swinging out of range with the mean anomaly), then bisects the first failing step. Returns the
    /// last working time before it; <paramref name="from"/> when that already fails; infinity when no step fails.
    /// </summary>
    private static double FirstFailure(in BoundTrajectory trajectory, double from, double to)
    {
        const double scanStep = 10.0;
        if (!Works(trajectory, from))
        {
            return from;
        }
        var good = from;
        var failing = double.PositiveInfinity;
        for (var seconds = from + scanStep; seconds < to + scanStep; seconds += scanStep)
        {
            var probe = Math.Min(seconds, to);
            if (!Works(trajectory, probe))
            {
                failing = probe;
                break;
            }
            good = probe;
        }
        if (double.IsPositiveInfinity(failing))
        {
            return failing;
        }
        while (failing - good > 1.0)
        {
            var middle = 0.5 * (good + failing);
            if (Works(trajectory, middle))
            {
                good = middle;
            }
            else
            {
                failing = middle;
            }
        }
        return good;
    }

    private static bool Works(in BoundTrajectory trajectory, double seconds) =>
        trajectory.StateAt(seconds, out _) == Sgp4Error.None && trajectory.MeanElementsAt(seconds, out _) == Sgp4Error.None;

    public static PreparedObject Create(Trajectory trajectory, DateTime windowStart, double windowSeconds)
    {
        var bound = trajectory.Bind(windowStart);
        var prepared = new PreparedObject(bound, windowSeconds);
        if (bound.Ephemeris is { } ephemeris)
        {
            prepared.BoundEphemeris(ephemeris, windowSeconds);
            return prepared;
        }
        var sampleCount = (int)Math.Ceiling(windowSeconds / ScreeningCatalog.SampleSpacingSeconds) + 1;
        var normals = new Vector3d[sampleCount];
        var minPerigee = double.PositiveInfinity;
        var maxApogee = 0.0;
        var minSemiLatus = double.PositiveInfinity;
        // the switches inside the window: the orbit plane may turn at each, so its sampled normals cannot be trusted
        var switchesInside = new List<double>();
        foreach (var switchSeconds in bound.Switches)
        {
            if (switchSeconds > 0.0 && switchSeconds < windowSeconds)
            {
                switchesInside.Add(switchSeconds);
            }
        }
        var usable = switchesInside.Count == 0;
        var failed = false;
        // the first sample from which the orbit may fail (dip below the surface, or its mean eccentricity leave its
        // range before the next sample): failures are looked for from there on, whether or not a sample fails
        var firstRiskySample = -1;
        for (var sample = 0; sample < sampleCount; sample++)
        {
            var seconds = Math.Min(sample * ScreeningCatalog.SampleSpacingSeconds, windowSeconds);
            if (bound.MeanElementsAt(seconds, out var mean) != Sgp4Error.None || bound.StateAt(seconds, out _) != Sgp4Error.None)
            {
                failed = true;
                var scanFrom = Math.Max(0, Math.Min(firstRiskySample < 0 ? sample : firstRiskySample, sample) - 1);
                prepared.ValidUntilSeconds = FirstFailure(bound, scanFrom * ScreeningCatalog.SampleSpacingSeconds, seconds);
                break;
            }
            var semiLatus = mean.SemiMajorAxisEarthRadii * (1.0 - mean.Eccentricity * mean.Eccentricity);
            var perigeeEarthRadii = mean.SemiMajorAxisEarthRadii * (1.0 - mean.Eccentricity);
            var nextSeconds = Math.Min((sample + 1) * ScreeningCatalog.SampleSpacingSeconds, windowSeconds);
            if (firstRiskySample < 0
                && (perigeeEarthRadii - 0.01 - 3.0 * Sgp4Propagator.J2 / Math.Max(semiLatus, 0.5) < 1.0
                    || bound.MeanEccentricityMayLeaveRange(seconds, nextSeconds) == true))
            {
                firstRiskySample = sample;
            }
            AccumulateBounds(mean, normals, sample, ref minPerigee, ref maxApogee, ref minSemiLatus);
        }
        if (!failed && firstRiskySample >= 0)
        {
            // every sample works, but the orbit may fail between them and recover: the object still ends at the first
            // failure
            var firstFailure = FirstFailure(bound, Math.Max(0, firstRiskySample - 1) * ScreeningCatalog.SampleSpacingSeconds, windowSeconds);
            if (double.IsFinite(firstFailure))
            {
                failed = true;
                prepared.ValidUntilSeconds = firstFailure;
            }
        }
        var scratch = new Vector3d[1];
        foreach (var switchSeconds in switchesInside)
        {
            if (failed)
            {
                break;
            }
            // both element sets at each switch, so the radius bounds cover the jump
            foreach (var side in new[] { switchSeconds - 1e-3, switchSeconds })
            {
                if (bound.MeanElementsAt(side, out var mean) != Sgp4Error.None)
                {
                    failed = true;
                    break;
                }
                AccumulateBounds(mean, scratch, 0, ref minPerigee, ref maxApogee, ref minSemiLatus);
            }
        }

        if (failed)
        {
            // an element set that stops working inside the window is never pruned
            prepared.MinRadiusKm = 0.0;
            prepared.MaxRadiusKm = double.PositiveInfinity;
            prepared.AccelerationBoundKmPerS2 = Sgp4Propagator.MuKm3PerS2 / (Re * Re) * 1.01;
            prepared.PerigeeAltitudeKm = double.IsFinite(minPerigee) ? minPerigee - Re : 0.0;
            return prepared;
        }

        // SGP4's periodic terms move the osculating orbit around the mean one: J2 short-period terms in the radius
        // (about 1.5 J2/p² r + 0.5 J2/p Earth radii) and the J3 long-period terms in the eccentricity vector
        // (|J3/J2|/2 over p). Bound them generously, plus a kilometre for what changes between samples.
        var p = Math.Max(minSemiLatus, 0.5);
        var maxRadiusEarthRadii = maxApogee / Re;
        var shortPeriod = 1.5 * Sgp4Propagator.J2 / (p * p) * maxRadiusEarthRadii + 0.5 * Sgp4Propagator.J2 / p;
        var longPeriod = Math.Abs(Sgp4Propagator.J3 / Sgp4Propagator.J2) / p * maxRadiusEarthRadii;
        var radialPadding = 1.5 * (shortPeriod + longPeriod) * Re + 1.0;
        prepared.MinRadiusKm = Math.Max(0.0, minPerigee - radialPadding);
        prepared.MaxRadiusKm = maxApogee + radialPadding;
        var lowest = Math.Max(prepared.MinRadiusKm, Re - 100.0);
        // two-body acceleration at the lowest radius, plus 1 % for J2
        prepared.AccelerationBoundKmPerS2 = Sgp4Propagator.MuKm3PerS2 / (lowest * lowest) * 1.01;
        prepared.PerigeeAltitudeKm = minPerigee - Re;
        if (usable)
        {
            // short-period wobble of node and inclination (1.5 J2/(2p²) rad at most), the error of interpolating the
            // precessing normal linearly over a sample spacing, and a margin
            var maxTurn = 0.0;
            for (var sample = 1; sample < sampleCount; sample++)
            {
                var cosine = Math.Clamp(Vector3d.Dot(normals[sample - 1], normals[sample]), -1.0, 1.0);
                maxTurn = Math.Max(maxTurn, Math.Acos(cosine));
            }
            var wobble = 0.75 * Sgp4Propagator.J2 / (p * p) * 2.0;
            prepared.PlanePaddingKm = prepared.MaxRadiusKm * (wobble + maxTurn * maxTurn / 8.0 * 2.0 + 1e-4) + 2.0;
            prepared.Normals = normals;
        }
        return prepared;
    }

    /// <summary>
    /// The bounds of an ephemeris path from its interpolated states over the part of its span inside the window (see
    /// <see cref="Screening.BoundEphemeris.Bounds"/>). Its plane is not sampled (no mean elements), so as a secondary
    /// it is searched without the orbit-path filter.
    /// </summary>
    private void BoundEphemeris(BoundEphemeris ephemeris, double windowSeconds)
    {
        ValidFromSeconds = Math.Max(0.0, ephemeris.ValidFromSeconds);
        ValidUntilSeconds = ephemeris.ValidUntilSeconds;
        var to = Math.Min(windowSeconds, ephemeris.ValidUntilSeconds);
        if (to < ValidFromSeconds)
        {
            // no state inside the window
            ValidUntilSeconds = Math.Min(ValidUntilSeconds, 0.0);
            return;
        }
        var (minRadius, maxRadius, acceleration) = ephemeris.Bounds(ValidFromSeconds, to);
        MinRadiusKm = minRadius;
        MaxRadiusKm = maxRadius;
        AccelerationBoundKmPerS2 = acceleration;
        PerigeeAltitudeKm = minRadius - Re;
    }

    private static void AccumulateBounds(
        in Sgp4MeanState mean, Vector3d[] normals, int sample, ref double minPerigee, ref double maxApogee, ref double minSemiLatus)
    {
        var a = mean.SemiMajorAxisEarthRadii * Re;
        var e = mean.Eccentricity;
        minPerigee = Math.Min(minPerigee, a * (1.0 - e));
        maxApogee = Math.Max(maxApogee, a * (1.0 + e));
        minSemiLatus = Math.Min(minSemiLatus, mean.SemiMajorAxisEarthRadii * (1.0 - e * e));
        var (sinI, cosI) = Math.SinCos(mean.InclinationRad);
        var (sinNode, cosNode) = Math.SinCos(mean.RaanRad);
        normals[sample] = new Vector3d(sinI * sinNode, -sinI * cosNode, cosI);
    }

    /// <summary>The orbit normal at a time, interpolated linearly between samples (not renormalised: the filters
    /// allow for the error).</summary>
    public Vector3d NormalAt(double seconds)
    {
        var normals = Normals!;
        var index = Math.Clamp((int)(seconds / ScreeningCatalog.SampleSpacingSeconds), 0, normals.Length - 2);
        var intervalStart = index * ScreeningCatalog.SampleSpacingSeconds;
        var intervalEnd = Math.Min(intervalStart + ScreeningCatalog.SampleSpacingSeconds, WindowSeconds);
        var fraction = (seconds - intervalStart) / (intervalEnd - intervalStart);
        var a = normals[index];
        var b = normals[index + 1];
        return a + (b - a) * fraction;
    }
}
