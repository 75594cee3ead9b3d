using System.Numerics;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// The primary's TEME states on a regular grid over the window (or over the part of it where an ephemeris primary has
/// states), kept component by component so that the orbit-path
/// filter can take the distance of every sample from a secondary's plane with vector instructions.
/// </summary>
internal sealed class PrimaryEphemeris
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly Vector3d[] _velocities;
    private readonly double[] _radii;
    private readonly double[] _speeds;

    /// <summary>For each sample, how far it lies through its interval between two catalogue normal samples.</summary>
    private readonly double[] _normalFractions;

    /// <summary>The first sample of each interval between catalogue normal samples, and one past the last sample.</summary>
    private readonly int[] _intervalStarts;

    /// <summary>The grid's last time (s from the window start).</summary>
    private readonly double _end;

    private PrimaryEphemeris(
        double[] x, double[] y, double[] z, Vector3d[] velocities, double start, double end, double step, double windowSeconds, bool hasGaps)
    {
        _x = x;
        _y = y;
        _z = z;
        _velocities = velocities;
        Count = x.Length;
        Step = step;
        Start = start;
        _end = end;
        HasGaps = hasGaps;
        _radii = new double[Count];
        _speeds = new double[Count];
        for (var k = 0; k < Count; k++)
        {
            _radii[k] = Position(k).Length;
            _speeds[k] = velocities[k].Length;
        }

        // the same interval and fraction as PreparedObject.NormalAt, worked out once for every secondary
        var spacing = ScreeningCatalog.SampleSpacingSeconds;
        var intervals = Math.Max(1, (int)Math.Ceiling(windowSeconds / spacing));
        _intervalStarts = new int[intervals + 1];
        _normalFractions = new double[Count];
        var interval = 0;
        for (var k = 0; k < Count; k++)
        {
            var time = Time(k);
            var index = Math.Clamp((int)(time / spacing), 0, intervals - 1);
            while (interval < index)
            {
                _intervalStarts[++interval] = k;
            }
            var intervalStart = index * spacing;
            var intervalEnd = Math.Min(intervalStart + spacing, windowSeconds);
            _normalFractions[k] = (time - intervalStart) / (intervalEnd - intervalStart);
        }
        while (interval < intervals)
        {
            _intervalStarts[++interval] = Count;
        }
    }

    public int Count { get; }
    public double Step { get; }

    /// <summary>The grid's first time (s from the window start): 0, or where an ephemeris primary's span starts.</summary>
    public double Start { get; }

    /// <summary>True when the primary has no state at some sample of the grid.</summary>
    public bool HasGaps { get; }

    public double Time(int k) => Math.Min(Start + k * Step, _end);

    public Vector3d Position(int k) => new(_x[k], _y[k], _z[k]);

    public Vector3d Velocity(int k) => _velocities[k];

    public double Radius(int k) => _radii[k];

    public double Speed(int k) => _speeds[k];

    /// <summary>
    /// The signed distance of every sample from the secondary's orbit plane (its normal interpolated as
    /// <see cref="PreparedObject.NormalAt"/> does) into <paramref name="distances"/>.
    /// </summary>
    public void PlaneDistances(Vector3d[] normals, Span<double> distances)
    {
        var width = Vector<double>.Count;
        for (var interval = 0; interval + 1 < _intervalStarts.Length; interval++)
        {
            var a = normals[interval];
            var delta = normals[interval + 1] - a;
            var k = _intervalStarts[interval];
            var end = _intervalStarts[interval + 1];
            if (Vector.IsHardwareAccelerated)
            {
                var ax = new Vector<double>(a.X);
                var ay = new Vector<double>(a.Y);
                var az = new Vector<double>(a.Z);
                var dx = new Vector<double>(delta.X);
                var dy = new Vector<double>(delta.Y);
                var dz = new Vector<double>(delta.Z);
                for (; k + width <= end; k += width)
                {
                    var x = new Vector<double>(_x, k);
                    var y = new Vector<double>(_y, k);
                    var z = new Vector<double>(_z, k);
                    var f = new Vector<double>(_normalFractions, k);
                    var along = x * ax + y * ay + z * az;
                    var drift = x * dx + y * dy + z * dz;
                    (along + f * drift).CopyTo(distances[k..]);
                }
            }
            for (; k < end; k++)
            {
                distances[k] = _x[k] * a.X + _y[k] * a.Y + _z[k] * a.Z
                    + _normalFractions[k] * (_x[k] * delta.X + _y[k] * delta.Y + _z[k] * delta.Z);
            }
        }
    }

    public static PrimaryEphemeris Build(in BoundTrajectory trajectory, double windowSeconds, double step) =>
        Build(trajectory, 0.0, windowSeconds, windowSeconds, step);

    /// <summary>Samples every <paramref name="step"/> s over [from, to] inside the window (to included).</summary>
    public static PrimaryEphemeris Build(in BoundTrajectory trajectory, double from, double to, double windowSeconds, double step)
    {
        var count = (int)Math.Ceiling((to - from) / step) + 1;
        var x = new double[count];
        var y = new double[count];
        var z = new double[count];
        var velocities = new Vector3d[count];
        var hasGaps = false;
        for (var k = 0; k < count; k++)
        {
            if (trajectory.StateAt(Math.Min(from + k * step, to), out var state) != Sgp4Error.None)
            {
                hasGaps = true;
                continue;
            }
            x[k] = state.PositionKm.X;
            y[k] = state.PositionKm.Y;
            z[k] = state.PositionKm.Z;
            velocities[k] = state.VelocityKmPerS;
        }
        return new PrimaryEphemeris(x, y, z, velocities, from, to, step, windowSeconds, hasGaps);
    }
}
