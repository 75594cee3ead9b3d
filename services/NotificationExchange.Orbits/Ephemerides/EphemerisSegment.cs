using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Ephemerides;

/// <summary>
/// A run of TEME states (km, km/s) at strictly increasing UTC times, interpolated between them, with the span where it
/// may be used (by default from its first state to its last). No state is given outside that span: the interpolation
/// never extrapolates.
/// </summary>
public sealed class EphemerisSegment
{
    /// <summary>The degree CCSDS users expect when an OEM names Hermite interpolation without a usable degree.</summary>
    public const int DefaultHermiteDegree = 7;

    /// <summary>The degree CCSDS users expect when an OEM names Lagrange interpolation without a usable degree.</summary>
    public const int DefaultLagrangeDegree = 8;

    /// <summary>The highest degree taken: higher ones only add Runge oscillation between equally spaced states.</summary>
    public const int MaxDegree = 15;

    /// <summary>
    /// The widest angle (rad) an object may sweep about the Earth's centre between consecutive states, |v|·Δt/|r|:
    /// 0.3 rad keeps a degree-7 Hermite or degree-8 Lagrange interpolation of a Keplerian arc below a metre.
    /// </summary>
    public const double MaxStepAngleRad = 0.3;

    private readonly double[] _seconds;
    private readonly StateVector[] _states;

    public EphemerisSegment(
        IReadOnlyList<DateTime> timesUtc, IReadOnlyList<StateVector> states, EphemerisInterpolation interpolation, int degree,
        DateTime? usableStartUtc = null, DateTime? usableStopUtc = null)
    {
        if (timesUtc.Count != states.Count)
        {
            throw new ArgumentException($"{timesUtc.Count} times for {states.Count} states", nameof(states));
        }
        if (degree < 1 || degree > MaxDegree)
        {
            throw new ArgumentOutOfRangeException(nameof(degree), $"interpolation degree {degree} is not within 1 to {MaxDegree}");
        }
        Interpolation = interpolation;
        Degree = degree;
        PointsPerInterpolation = PointsFor(interpolation, degree);
        if (states.Count < PointsPerInterpolation)
        {
            throw new ArgumentException(
                $"{interpolation} interpolation of degree {degree} needs {PointsPerInterpolation} states; the segment has {states.Count}", nameof(states));
        }
        Epoch = timesUtc[0];
        _seconds = new double[states.Count];
        _states = [.. states];
        for (var i = 0; i < states.Count; i++)
        {
            _seconds[i] = (timesUtc[i] - Epoch).Ticks / (double)TimeSpan.TicksPerSecond;
            if (i > 0 && _seconds[i] <= _seconds[i - 1])
            {
                throw new ArgumentException($"state {i} at {timesUtc[i]:O} is not after state {i - 1} at {timesUtc[i - 1]:O}", nameof(timesUtc));
            }
            var (p, v) = (_states[i].PositionKm, _states[i].VelocityKmPerS);
            if (!double.IsFinite(p.LengthSquared) || !double.IsFinite(v.LengthSquared) || p.Length == 0.0)
            {
                throw new ArgumentException($"state {i} at {timesUtc[i]:O} is not a finite position away from the centre", nameof(states));
            }
        }
        UsableStart = usableStartUtc ?? timesUtc[0];
        UsableStop = usableStopUtc ?? timesUtc[^1];
        if (UsableStart < timesUtc[0] || UsableStop > timesUtc[^1] || UsableStop < UsableStart)
        {
            throw new ArgumentException(
                $"the usable span {UsableStart:O} to {UsableStop:O} is not inside the states' span {timesUtc[0]:O} to {timesUtc[^1]:O}");
        }
    }

    /// <summary>How many states one interpolation uses: ⌈(degree + 1)/2⌉ for Hermite, degree + 1 for Lagrange.</summary>
    public static int PointsFor(EphemerisInterpolation interpolation, int degree) =>
        interpolation == EphemerisInterpolation.Hermite ? (degree + 2) / 2 : degree + 1;

    public EphemerisInterpolation Interpolation { get; }
    public int Degree { get; }
    public int PointsPerInterpolation { get; }

    /// <summary>The time of the first state, from which <see cref="StateAtSeconds"/> counts.</summary>
    public DateTime Epoch { get; }

    public DateTime UsableStart { get; }
    public DateTime UsableStop { get; }
    public int Count => _states.Length;

    public DateTime TimeOf(int index) => Epoch.AddTicks((long)Math.Round(_seconds[index] * TimeSpan.TicksPerSecond));

    public StateVector StateOf(int index) => _states[index];

    /// <summary>Seconds of state <paramref name="index"/> from <see cref="Epoch"/>.</summary>
    public double SecondsOf(int index) => _seconds[index];

    /// <summary>The interpolated state at a UTC instant; false outside the usable span.</summary>
    public bool StateAt(DateTime utc, out StateVector state)
    {
        state = default;
        return utc >= UsableStart && utc <= UsableStop && StateAtSeconds((utc - Epoch).Ticks / (double)TimeSpan.TicksPerSecond, out state);
    }

    /// <summary>
    /// The interpolated state <paramref name="seconds"/> after <see cref="Epoch"/>; false outside the states' span (the
    /// caller keeps to the usable span).
    /// </summary>
    public bool StateAtSeconds(double seconds, out StateVector state)
    {
        state = default;
        if (!(seconds >= _seconds[0] && seconds <= _seconds[^1]))
        {
            return false;
        }
        // the interval [t_i, t_i+1) holding the time, and the stencil centred on it, kept inside the segment
        var index = Array.BinarySearch(_seconds, seconds);
        var interval = index >= 0 ? Math.Min(index, _seconds.Length - 2) : ~index - 1;
        var n = PointsPerInterpolation;
        var first = Math.Clamp(interval + 1 - n / 2, 0, _seconds.Length - n);
        state = Interpolation == EphemerisInterpolation.Hermite ? Hermite(first, n, seconds) : Lagrange(first, n, seconds);
        return true;
    }

    /// <summary>
    /// Hermite interpolation through n positions and velocities: Newton's divided differences on doubled nodes (the
    /// first difference at a doubled node is the velocity), evaluated with its derivative by Horner's scheme.
    /// </summary>
    private StateVector Hermite(int first, int n, double seconds)
    {
        var m = 2 * n;
        Span<double> z = stackalloc double[2 * (MaxDegree + 2)];
        Span<Vector3d> q = stackalloc Vector3d[2 * (MaxDegree + 2)];
        var origin = _seconds[first];
        for (var i = 0; i < m; i++)
        {
            z[i] = _seconds[first + i / 2] - origin;
            q[i] = _states[first + i / 2].PositionKm;
        }
        for (var i = m - 1; i >= 1; i--)
        {
            q[i] = i % 2 == 1 ? _states[first + i / 2].VelocityKmPerS : (q[i] - q[i - 1]) / (z[i] - z[i - 1]);
        }
        for (var order = 2; order < m; order++)
        {
            for (var i = m - 1; i >= order; i--)
            {
                q[i] = (q[i] - q[i - 1]) / (z[i] - z[i - order]);
            }
        }
        var t = seconds - origin;
        var position = q[m - 1];
        var velocity = Vector3d.Zero;
        for (var i = m - 2; i >= 0; i--)
        {
            var factor = t - z[i];
            velocity = velocity * factor + position;
            position = position * factor + q[i];
        }
        return new StateVector(position, velocity);
    }

    /// <summary>Lagrange interpolation through n states: the same weights for the positions and for the velocities.</summary>
    private StateVector Lagrange(int first, int n, double seconds)
    {
        var position = Vector3d.Zero;
        var velocity = Vector3d.Zero;
        for (var j = 0; j < n; j++)
        {
            var tj = _seconds[first + j];
            var weight = 1.0;
            for (var k = 0; k < n; k++)
            {
                if (k != j)
                {
                    var tk = _seconds[first + k];
                    weight *= (seconds - tk) / (tj - tk);
                }
            }
            position += _states[first + j].PositionKm * weight;
            velocity += _states[first + j].VelocityKmPerS * weight;
        }
        return new StateVector(position, velocity);
    }
}
