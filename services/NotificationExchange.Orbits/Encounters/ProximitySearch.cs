using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// Finds where the range between two objects stays within a distance D, with steps that provably skip nothing longer
/// than a second: from a state with range ρ and relative speed v, the range cannot change by more than v·h + A·h²/2 in
/// h seconds (A the sum of the objects' acceleration bounds, from the screen's <see cref="PreparedObject"/>), so outside
/// the step may be as long as takes ρ − D to close, inside as long as takes D − ρ to open. Far apart that is minutes;
/// a GEO pair 20 km apart within 50 km steps about 6 minutes at a time (about 700 states for 3 days, one interval);
/// only within a kilometre or so of the boundary do steps shrink, to a floor of <see cref="MinimumStepSeconds"/>.
/// Boundaries are bisected to a millisecond, minima of the range (zeros of the range rate) likewise.
/// </summary>
internal sealed class ProximitySearch
{
    /// <summary>Steps never get shorter than this, so a range hovering at the boundary cannot stall the search; an
    /// excursion across the boundary shorter than this may be missed.</summary>
    internal const double MinimumStepSeconds = 1.0;

    private const double MaximumStepSeconds = 6.0 * 3600.0;
    private const double TimeToleranceSeconds = 1e-3;

    private readonly BoundTrajectory _a;
    private readonly BoundTrajectory _b;
    private readonly DateTime _windowStart;
    private readonly double _end;
    private readonly double _acceleration;
    private readonly double[] _switches;
    private readonly ProximityCriteria _criteria;

    public ProximitySearch(Trajectory a, Trajectory b, DateTime windowStart, DateTime windowEnd, ProximityCriteria criteria)
    {
        if (windowEnd <= windowStart)
        {
            throw new ArgumentException($"the window must end after it starts ({windowStart:O} to {windowEnd:O})", nameof(windowEnd));
        }
        var seconds = (windowEnd - windowStart).TotalSeconds;
        var preparedA = PreparedObject.Create(a, windowStart, seconds);
        var preparedB = PreparedObject.Create(b, windowStart, seconds);
        _a = preparedA.Trajectory;
        _b = preparedB.Trajectory;
        _windowStart = windowStart;
        _end = Math.Min(seconds, Math.Min(preparedA.ValidUntilSeconds, preparedB.ValidUntilSeconds));
        _acceleration = preparedA.AccelerationBoundKmPerS2 + preparedB.AccelerationBoundKmPerS2;
        _switches = new[] { _a, _b }.Where(t => t.HasSwitch && t.SwitchSeconds > 0.0 && t.SwitchSeconds < _end)
            .Select(t => t.SwitchSeconds).Order().ToArray();
        _criteria = criteria;
    }

    /// <summary>States evaluated so far (pairs of SGP4 calls).</summary>
    public int Evaluations { get; private set; }

    private struct Sample
    {
        public double Time;
        public double Range;
        public double RangeRate;
        public double Speed;
    }

    private bool TryEvaluate(double seconds, out Sample sample)
    {
        Evaluations++;
        sample = default;
        if (_a.StateAt(seconds, out var a) != Sgp4Error.None || _b.StateAt(seconds, out var b) != Sgp4Error.None)
        {
            return false;
        }
        var dr = b.PositionKm - a.PositionKm;
        var dv = b.VelocityKmPerS - a.VelocityKmPerS;
        sample.Time = seconds;
        sample.Range = dr.Length;
        sample.Speed = dv.Length;
        sample.RangeRate = sample.Range > 0.0 ? Vector3d.Dot(dr, dv) / sample.Range : 0.0;
        return true;
    }

    /// <summary>The longest step over which the range provably cannot change by <paramref name="gap"/> km.</summary>
    private double SafeStep(double gap, double speed)
    {
        var h = 2.0 * gap / (speed + Math.Sqrt(speed * speed + 2.0 * _acceleration * gap));
        return Math.Clamp(h, MinimumStepSeconds, MaximumStepSeconds);
    }

    /// <summary>The next time from <paramref name="t"/> by <paramref name="h"/> (signed), stopping at a maneuver (whose
    /// velocity jump the step bound does not cover) and at the window's ends.</summary>
    private double Advance(double t, double h)
    {
        var next = t + h;
        foreach (var s in _switches)
        {
            if (h > 0 && s > t && s < next)
            {
                next = s;
            }
            else if (h < 0 && s <= t && s - TimeToleranceSeconds > next)
            {
                next = s - TimeToleranceSeconds;
            }
        }
        return Math.Clamp(next, 0.0, _end);
    }

    public List<ProximityInterval> Scan()
    {
        var intervals = new List<ProximityInterval>();
        if (!TryEvaluate(0.0, out var current))
        {
            return intervals;
        }
        while (true)
        {
            if (current.Range <= _criteria.DistanceKm)
            {
                var interval = TraceFrom(current, openAtStart: current.Time == 0.0, out var exit);
                intervals.Add(interval);
                if (exit is not { } after)
                {
                    return intervals;
                }
                current = after;
                continue;
            }
            if (current.Time >= _end)
            {
                return intervals;
            }
            var nextTime = Advance(current.Time, SafeStep(current.Range - _criteria.DistanceKm, current.Speed));
            if (!TryEvaluate(nextTime, out var next))
            {
                return intervals;
            }
            if (next.Range <= _criteria.DistanceKm)
            {
                next = Boundary(current, next);
            }
            current = next;
        }
    }

    /// <summary>The interval containing <paramref name="seconds"/>, or null when the range there exceeds the distance.</summary>
    public ProximityInterval? Around(double seconds)
    {
        if (seconds < 0.0 || seconds > _end || !TryEvaluate(seconds, out var current) || current.Range > _criteria.DistanceKm)
        {
            return null;
        }
        // back to the entry, then forward through the interval
        while (current.Time > 0.0)
        {
            var previousTime = Advance(current.Time, -SafeStep(_criteria.DistanceKm - current.Range, current.Speed));
            if (!TryEvaluate(previousTime, out var previous))
            {
                break;
            }
            if (previous.Range > _criteria.DistanceKm)
            {
                current = Boundary(previous, current);
                return TraceFrom(current, openAtStart: false, out _);
            }
            current = previous;
        }
        return TraceFrom(current, openAtStart: true, out _);
    }

    /// <summary>
    /// From a sample within the distance, forward to where the range leaves it (the first sample outside, returned in
    /// <paramref name="exit"/>; null at the window's end), gathering the interval's figures.
    /// </summary>
    private ProximityInterval TraceFrom(Sample entry, bool openAtStart, out Sample? exit)
    {
        var best = entry;
        var minimumSpeed = entry.Speed;
        var speedIntegral = 0.0;
        var current = entry;
        exit = null;
        var last = entry;
        while (true)
        {
            if (current.Time >= _end)
            {
                last = current;
                break;
            }
            var nextTime = Advance(current.Time, SafeStep(Math.Max(_criteria.DistanceKm - current.Range, 0.0), current.Speed));
            if (!TryEvaluate(nextTime, out var next))
            {
                last = current;
                break;
            }
            var outside = next.Range > _criteria.DistanceKm;
            if (outside)
            {
                exit = next;
                next = Boundary(next, current);
            }
            if (current.RangeRate < 0.0 && next.RangeRate >= 0.0)
            {
                var minimum = RangeMinimum(current, next);
                if (minimum.Range < best.Range)
                {
                    best = minimum;
                }
            }
            if (next.Range < best.Range)
            {
                best = next;
            }
            minimumSpeed = Math.Min(minimumSpeed, next.Speed);
            speedIntegral += 0.5 * (current.Speed + next.Speed) * (next.Time - current.Time);
            current = next;
            if (outside)
            {
                last = next;
                break;
            }
        }
        var duration = last.Time - entry.Time;
        var flags = ProximityFlags.None;
        if (duration >= _criteria.MinimumDwell.TotalSeconds)
        {
            flags |= ProximityFlags.Dwell;
        }
        if (best.Speed < _criteria.LowRelativeSpeedKmPerS)
        {
            flags |= ProximityFlags.LowRelativeSpeed;
        }
        return new ProximityInterval(
            At(entry.Time), At(last.Time), openAtStart, exit is null,
            At(best.Time), best.Range, best.Speed, Math.Min(minimumSpeed, best.Speed),
            duration > 0.0 ? speedIntegral / duration : entry.Speed, flags);
    }

    /// <summary>The sample where the range crosses the distance between one sample outside and one inside (either order
    /// in time), bisected to a millisecond; the inside end of the last bracket.</summary>
    private Sample Boundary(Sample outside, Sample inside)
    {
        while (Math.Abs(outside.Time - inside.Time) > TimeToleranceSeconds)
        {
            var middleTime = 0.5 * (outside.Time + inside.Time);
            if (!TryEvaluate(middleTime, out var middle))
            {
                break;
            }
            if (middle.Range > _criteria.DistanceKm)
            {
                outside = middle;
            }
            else
            {
                inside = middle;
            }
        }
        return inside;
    }

    /// <summary>The zero of the range rate between a closing and an opening sample, bisected to a millisecond.</summary>
    private Sample RangeMinimum(Sample closing, Sample opening)
    {
        var best = closing.Range <= opening.Range ? closing : opening;
        while (opening.Time - closing.Time > TimeToleranceSeconds)
        {
            if (!TryEvaluate(0.5 * (closing.Time + opening.Time), out var middle))
            {
                break;
            }
            if (middle.Range < best.Range)
            {
                best = middle;
            }
            if (middle.RangeRate < 0.0)
            {
                closing = middle;
            }
            else
            {
                opening = middle;
            }
        }
        return best;
    }

    private DateTime At(double seconds) => _windowStart.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    public double SecondsOf(DateTime utc) => (utc - _windowStart).Ticks / (double)TimeSpan.TicksPerSecond;
}
