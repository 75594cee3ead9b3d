using NotificationExchange.Orbits.Ephemerides;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>An ephemeris with its clock set to seconds from a reference instant (the window start).</summary>
internal sealed class BoundEphemeris
{
    /// <summary>Sub-samples per interval between states when bounding the interpolated path.</summary>
    private const int SubSamples = 8;

    private readonly EphemerisSegment[] _segments;

    /// <summary>Seconds from the reference to each segment's epoch, usable start and usable stop.</summary>
    private readonly double[] _epochs;
    private readonly double[] _starts;
    private readonly double[] _stops;

    public BoundEphemeris(StateEphemeris ephemeris, DateTime reference)
    {
        _segments = [.. ephemeris.Segments];
        _epochs = [.. _segments.Select(s => Seconds(s.Epoch - reference))];
        _starts = [.. _segments.Select(s => Seconds(s.UsableStart - reference))];
        _stops = [.. _segments.Select(s => Seconds(s.UsableStop - reference))];
        ValidFromSeconds = _starts[0];
        ValidUntilSeconds = _stops[^1];
        Switches = _starts[1..];
    }

    public double ValidFromSeconds { get; }
    public double ValidUntilSeconds { get; }

    /// <summary>Where each segment after the first takes over (s from the reference): a velocity may jump there.</summary>
    public double[] Switches { get; }

    public bool StateAt(double seconds, out StateVector state)
    {
        state = default;
        if (!(seconds >= ValidFromSeconds && seconds <= ValidUntilSeconds))
        {
            return false;
        }
        var index = 0;
        while (index + 1 < _starts.Length && _starts[index + 1] <= seconds)
        {
            index++;
        }
        var clamped = Math.Clamp(seconds, _starts[index], _stops[index]);
        return _segments[index].StateAtSeconds(clamped - _epochs[index], out state);
    }

    /// <summary>
    /// Bounds on the interpolated path over [from, to] (s from the reference, inside the span): radius range, speed and
    /// acceleration. Each interval between states is sampled <see cref="SubSamples"/> times; the acceleration bound is
    /// the larger of 1.01 μ/r² at the lowest radius (gravity with J2) and 1.05 times the largest mean acceleration
    /// between sub-samples (so a burn spread over states counts); between sub-samples δ apart the radius departs from
    /// the line through its sampled values by at most (v²/r + A)·δ²/8, which pads the range.
    /// </summary>
    public (double MinRadiusKm, double MaxRadiusKm, double AccelerationBoundKmPerS2) Bounds(double from, double to)
    {
        var minRadius = double.PositiveInfinity;
        var maxRadius = 0.0;
        var maxSpeed = 0.0;
        var maxMeanAcceleration = 0.0;
        var largestDelta = 0.0;
        for (var s = 0; s < _segments.Length; s++)
        {
            var segment = _segments[s];
            var segmentFrom = Math.Max(from, _starts[s]);
            var segmentTo = Math.Min(to, _stops[s]);
            if (segmentTo < segmentFrom)
            {
                continue;
            }
            var previousTime = double.NaN;
            var previousVelocity = Vector3d.Zero;
            for (var i = 0; i + 1 < segment.Count; i++)
            {
                var intervalFrom = _epochs[s] + segment.SecondsOf(i);
                var intervalTo = _epochs[s] + segment.SecondsOf(i + 1);
                if (intervalTo < segmentFrom || intervalFrom > segmentTo)
                {
                    continue;
                }
                var lo = Math.Max(intervalFrom, segmentFrom);
                var hi = Math.Min(intervalTo, segmentTo);
                var delta = (hi - lo) / SubSamples;
                largestDelta = Math.Max(largestDelta, delta);
                for (var k = 0; k <= SubSamples; k++)
                {
                    var time = lo + k * delta;
                    if (!segment.StateAtSeconds(time - _epochs[s], out var state))
                    {
                        continue;
                    }
                    var radius = state.PositionKm.Length;
                    minRadius = Math.Min(minRadius, radius);
                    maxRadius = Math.Max(maxRadius, radius);
                    maxSpeed = Math.Max(maxSpeed, state.VelocityKmPerS.Length);
                    if (!double.IsNaN(previousTime) && time > previousTime)
                    {
                        maxMeanAcceleration = Math.Max(maxMeanAcceleration, (state.VelocityKmPerS - previousVelocity).Length / (time - previousTime));
                    }
                    previousTime = time;
                    previousVelocity = state.VelocityKmPerS;
                }
            }
        }
        if (double.IsPositiveInfinity(minRadius))
        {
            return (0.0, double.PositiveInfinity, Sgp4Propagator.MuKm3PerS2 / (Sgp4Propagator.EarthRadiusKm * Sgp4Propagator.EarthRadiusKm) * 1.01);
        }
        var acceleration = Math.Max(1.01 * Sgp4Propagator.MuKm3PerS2 / (minRadius * minRadius), 1.05 * maxMeanAcceleration);
        var radialCurvature = maxSpeed * maxSpeed / minRadius + acceleration;
        var pad = radialCurvature * largestDelta * largestDelta / 8.0 + 1e-3;
        return (Math.Max(0.0, minRadius - pad), maxRadius + pad, acceleration);
    }

    private static double Seconds(TimeSpan span) => span.Ticks / (double)TimeSpan.TicksPerSecond;
}
