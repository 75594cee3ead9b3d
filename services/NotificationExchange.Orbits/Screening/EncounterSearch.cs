using System.Runtime.Intrinsics;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// The fine stage every screen shares: walks an interval where two objects may come close, finds each local minimum
/// of their range (the range rate crossing zero upwards) and refines it to a time of closest approach.
/// </summary>
internal static class EncounterSearch
{
    /// <summary>Range-rate roots are refined until their bracket is this narrow (s); the issue asks for 1 ms.</summary>
    public const double TimeToleranceSeconds = 1e-4;

    private const double MinDenseStepSeconds = 1.0;
    private const double MaxDenseStepSeconds = 60.0;
    internal const double InvalidStepSeconds = 60.0;

    /// <summary>Relative geometry at one instant.</summary>
    internal struct Sample
    {
        public double Time;
        public bool Valid;
        public double Range;
        public double RangeRateTimesRange;
        public double RelativeSpeed;
        public double RelativeAcceleration;
    }

    /// <summary>
    /// The two objects' states at one time. When both are single near-Earth element sets they go through the vector
    /// kernel side by side (half the cost of two scalar calls, states within about 1e-11 km of the scalar code);
    /// otherwise, or when <c>scalarOnly</c> (the brute-force reference), through the scalar code.
    /// </summary>
    internal readonly struct PairPropagator
    {
        private readonly BoundTrajectory _primary;
        private readonly BoundTrajectory _secondary;
        private readonly Sgp4Propagator.Lanes _lanes;
        private readonly Vector256<double> _offsets;
        private readonly bool _laned;

        public PairPropagator(in BoundTrajectory primary, in BoundTrajectory secondary, bool scalarOnly = false)
        {
            _primary = primary;
            _secondary = secondary;
            _laned = !scalarOnly && primary.IsLaneable && secondary.IsLaneable;
            if (_laned)
            {
                var p = primary.InitialPropagator;
                var q = secondary.InitialPropagator;
                _lanes = Sgp4Propagator.ToLanes(p, q, p, q);
                _offsets = Vector256.Create(primary.InitialOffsetMinutes, secondary.InitialOffsetMinutes, primary.InitialOffsetMinutes, secondary.InitialOffsetMinutes);
            }
        }

        public Sample Evaluate(double seconds)
        {
            if (!_laned)
            {
                return EncounterSearch.Evaluate(_primary, _secondary, seconds);
            }
            Sgp4Propagator.Propagate(
                _lanes, _offsets + Vector256.Create(seconds) / Vector256.Create(60.0),
                out var x, out var y, out var z, out var vx, out var vy, out var vz, out var errors);
            var sample = new Sample { Time = seconds };
            if (errors[0] != (long)Sgp4Error.None || errors[1] != (long)Sgp4Error.None)
            {
                return sample;
            }
            Fill(
                ref sample,
                new StateVector(new Vector3d(x[0], y[0], z[0]), new Vector3d(vx[0], vy[0], vz[0])),
                new StateVector(new Vector3d(x[1], y[1], z[1]), new Vector3d(vx[1], vy[1], vz[1])));
            return sample;
        }
    }

    internal static Sample Evaluate(in BoundTrajectory primary, in BoundTrajectory secondary, double seconds)
    {
        var sample = new Sample { Time = seconds };
        if (primary.StateAt(seconds, out var p) != Sgp4Error.None || secondary.StateAt(seconds, out var s) != Sgp4Error.None)
        {
            return sample;
        }
        Fill(ref sample, p, s);
        return sample;
    }

    internal static void Fill(ref Sample sample, in StateVector p, in StateVector s)
    {
        var relative = s.PositionKm - p.PositionKm;
        var relativeVelocity = s.VelocityKmPerS - p.VelocityKmPerS;
        sample.Valid = true;
        sample.Range = relative.Length;
        sample.RangeRateTimesRange = Vector3d.Dot(relative, relativeVelocity);
        sample.RelativeSpeed = relativeVelocity.Length;
        // two-body estimate of the relative acceleration: it only sets how finely to look, never what to skip
        var rp = p.PositionKm.Length;
        var rs = s.PositionKm.Length;
        var accelerationDifference = s.PositionKm * (-Sgp4Propagator.MuKm3PerS2 / (rs * rs * rs))
            - p.PositionKm * (-Sgp4Propagator.MuKm3PerS2 / (rp * rp * rp));
        sample.RelativeAcceleration = accelerationDifference.Length;
    }

    /// <summary>
    /// The longest step that cannot carry the pair from beyond <paramref name="gapKm"/> of the threshold to inside it:
    /// the range changes by at most v·s + A·s²/2 when the relative acceleration is bounded by A.
    /// </summary>
    public static double SafeStep(double gapKm, double relativeSpeed, double accelerationBound) =>
        2.0 * gapKm / (relativeSpeed + Math.Sqrt(relativeSpeed * relativeSpeed + 2.0 * accelerationBound * gapKm));

    /// <summary>A step short enough that the range rate changes sign at most once within it.</summary>
    public static double DenseStep(in Sample sample)
    {
        var speed = Math.Max(sample.RelativeSpeed, 1e-9);
        var acceleration = Math.Max(sample.RelativeAcceleration, 1e-12);
        var scale = Math.Min(sample.Range / speed, Math.Min(speed / acceleration, Math.Sqrt(sample.Range / acceleration)));
        return Math.Clamp(0.1 * scale, MinDenseStepSeconds, MaxDenseStepSeconds);
    }

    /// <summary>
    /// Finds every range minimum in [from, to] whose range is at most <paramref name="thresholdKm"/>, skipping stretches
    /// where the pair provably stays farther apart, and hands each refined time of closest approach to
    /// <paramref name="found"/>.
    /// </summary>
    internal static void Search(
        in BoundTrajectory primary, in BoundTrajectory secondary, double from, double to, double thresholdKm,
        double accelerationBound, List<double> found)
    {
        // an ephemeris has no state before its span: start there, not one invalid step later
        from = Math.Max(from, Math.Max(primary.ValidFromSeconds, secondary.ValidFromSeconds));
        if (!(from < to))
        {
            return;
        }
        var pair = new PairPropagator(primary, secondary);
        var current = pair.Evaluate(from);
        while (current.Time < to)
        {
            double step;
            var dense = true;
            if (!current.Valid)
            {
                // an element set that fails (decay) has no position to approach from; look again a minute later
                step = InvalidStepSeconds;
                dense = false;
            }
            else
            {
                var gap = current.Range - thresholdKm;
                var denseStep = DenseStep(current);
                var safe = gap > 0.0 ? SafeStep(gap, current.RelativeSpeed, accelerationBound) : 0.0;
                if (safe > denseStep)
                {
                    // no minimum within the threshold can lie in a skipped stretch, so sign changes there are ignored
                    step = safe;
                    dense = false;
                }
                else
                {
                    step = denseStep;
                }
            }
            // a step ends at the next switch of either path: the bounds above hold for one element set (or ephemeris
            // segment), and the velocity may jump at a switch
            var stepEnd = Math.Min(current.Time + step, to);
            stepEnd = Math.Min(stepEnd, Math.Min(primary.NextSwitchAfter(current.Time), secondary.NextSwitchAfter(current.Time)));
            var next = pair.Evaluate(stepEnd);
            if (dense && next.Valid && current.RangeRateTimesRange < 0.0 && next.RangeRateTimesRange >= 0.0)
            {
                var tca = RefineRoot(pair, current.Time, current.RangeRateTimesRange, next.Time, next.RangeRateTimesRange, TimeToleranceSeconds);
                if (!double.IsNaN(tca))
                {
                    found.Add(tca);
                }
            }
            current = next;
        }
    }

    /// <summary>
    /// <see cref="Search"/> over each of <paramref name="intervals"/>, two at a time: the vector kernel's four lanes carry
    /// both objects of two intervals (at each one's own time) where <see cref="PairPropagator"/> fills two, which
    /// halves the calls. Every interval's times of closest approach go to <paramref name="found"/>[Owner], the same,
    /// bit for bit, as <see cref="Search"/> gives (<see cref="EncounterWalk"/>); in no particular order across intervals.
    /// Both paths of every interval must be laneable (<see cref="BoundTrajectory.IsLaneable"/>).
    /// </summary>
    internal static void SearchTwoAtATime(List<EncounterInterval> intervals, List<List<double>> found)
    {
        Span<EncounterWalk> walks = stackalloc EncounterWalk[2];
        Span<int> owners = [-1, -1];
        // the propagators in each slot's lanes, to rebuild the lanes only when a slot changes pair
        var loaded = new Sgp4Propagator?[4];
        var lanes = default(Sgp4Propagator.Lanes);
        var offsets = Vector256<double>.Zero;
        var taken = 0;
        while (true)
        {
            var changed = false;
            for (var slot = 0; slot < 2; slot++)
            {
                while (owners[slot] < 0 && taken < intervals.Count)
                {
                    var interval = intervals[taken++];
                    if (walks[slot].Start(interval.Primary, interval.Secondary, interval.From, interval.To, interval.ThresholdKm, interval.AccelerationBound))
                    {
                        owners[slot] = interval.Owner;
                        var p = interval.Primary.InitialPropagator;
                        var q = interval.Secondary.InitialPropagator;
                        if (!ReferenceEquals(loaded[2 * slot], p) || !ReferenceEquals(loaded[2 * slot + 1], q))
                        {
                            loaded[2 * slot] = p;
                            loaded[2 * slot + 1] = q;
                            changed = true;
                        }
                        offsets = slot == 0
                            ? Vector256.Create(interval.Primary.InitialOffsetMinutes, interval.Secondary.InitialOffsetMinutes, offsets[2], offsets[3])
                            : Vector256.Create(offsets[0], offsets[1], interval.Primary.InitialOffsetMinutes, interval.Secondary.InitialOffsetMinutes);
                    }
                }
            }
            if (owners[0] < 0 && owners[1] < 0)
            {
                return;
            }
            if (changed)
            {
                // an idle slot's lanes repeat the busy one's; their states are not read
                var (p0, p1) = loaded[0] is null ? (loaded[2]!, loaded[3]!) : (loaded[0]!, loaded[1]!);
                var (p2, p3) = loaded[2] is null ? (p0, p1) : (loaded[2]!, loaded[3]!);
                lanes = Sgp4Propagator.ToLanes(p0, p1, p2, p3);
            }
            var t0 = owners[0] >= 0 ? walks[0].PendingTime : walks[1].PendingTime;
            var t1 = owners[1] >= 0 ? walks[1].PendingTime : t0;
            Sgp4Propagator.PropagateTwoPairs(
                lanes, offsets + Vector256.Create(t0, t0, t1, t1) / Vector256.Create(60.0),
                out var x, out var y, out var z, out var vx, out var vy, out var vz, out var errors);
            for (var slot = 0; slot < 2; slot++)
            {
                if (owners[slot] < 0)
                {
                    continue;
                }
                var sample = new Sample { Time = slot == 0 ? t0 : t1 };
                int m = 2 * slot, n = 2 * slot + 1;
                if (errors[m] == (long)Sgp4Error.None && errors[n] == (long)Sgp4Error.None)
                {
                    Fill(
                        ref sample,
                        new StateVector(new Vector3d(x[m], y[m], z[m]), new Vector3d(vx[m], vy[m], vz[m])),
                        new StateVector(new Vector3d(x[n], y[n], z[n]), new Vector3d(vx[n], vy[n], vz[n])));
                }
                if (!walks[slot].Accept(sample, found[owners[slot]]))
                {
                    owners[slot] = -1;
                }
            }
        }
    }

    /// <summary>
    /// The root of r·v in [a, b] where it goes from negative to non-negative: the Illinois variant of regula falsi,
    /// which keeps the bracket and converges superlinearly; NaN if a propagation fails inside.
    /// </summary>
    internal static double RefineRoot(in PairPropagator pair, double a, double fa, double b, double fb, double tolerance)
    {
        var side = 0;
        for (var iteration = 0; iteration < 100 && b - a > tolerance; iteration++)
        {
            var t = (a * fb - b * fa) / (fb - fa);
            // keep the trial point strictly inside so the bracket always shrinks
            var margin = 0.25 * tolerance;
            t = Math.Clamp(t, a + margin, b - margin);
            var sample = pair.Evaluate(t);
            if (!sample.Valid)
            {
                return double.NaN;
            }
            var ft = sample.RangeRateTimesRange;
            if (ft < 0.0)
            {
                a = t;
                fa = ft;
                if (side == -1)
                {
                    fb *= 0.5;
                }
                side = -1;
            }
            else
            {
                b = t;
                fb = ft;
                if (side == 1)
                {
                    fa *= 0.5;
                }
                side = 1;
            }
        }
        return 0.5 * (a + b);
    }

    /// <summary>The conjunction at a time of closest approach, if the secondary is inside the volume then.</summary>
    internal static Conjunction? Describe(
        in BoundTrajectory primary, in BoundTrajectory secondary, double tca, DateTime windowStart, ScreeningVolume volume)
    {
        if (primary.StateAt(tca, out var p) != Sgp4Error.None || secondary.StateAt(tca, out var s) != Sgp4Error.None)
        {
            return null;
        }
        return Describe(primary.Source.CatalogNumber, p, secondary.Source.CatalogNumber, s, tca, windowStart, volume);
    }

    /// <summary>The conjunction at a time of closest approach from the two states there, if the secondary is inside
    /// the volume then: what the form that propagates gives, for callers that describe one approach both ways.</summary>
    internal static Conjunction? Describe(
        int primaryCatalogNumber, in StateVector p, int secondaryCatalogNumber, in StateVector s, double tca, DateTime windowStart,
        ScreeningVolume volume)
    {
        var relative = s.PositionKm - p.PositionKm;
        var radialAxis = p.PositionKm.Normalized();
        var crossTrackAxis = Vector3d.Cross(p.PositionKm, p.VelocityKmPerS).Normalized();
        var inTrackAxis = Vector3d.Cross(crossTrackAxis, radialAxis);
        var radial = Vector3d.Dot(relative, radialAxis);
        var inTrack = Vector3d.Dot(relative, inTrackAxis);
        var crossTrack = Vector3d.Dot(relative, crossTrackAxis);
        if (volume.NormalisedDistanceSquared(radial, inTrack, crossTrack) > 1.0)
        {
            return null;
        }
        return new Conjunction(
            primaryCatalogNumber,
            secondaryCatalogNumber,
            windowStart.AddTicks((long)Math.Round(tca * TimeSpan.TicksPerSecond)),
            relative.Length,
            radial,
            inTrack,
            crossTrack,
            (s.VelocityKmPerS - p.VelocityKmPerS).Length);
    }
}
