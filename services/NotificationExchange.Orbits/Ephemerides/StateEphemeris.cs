using NotificationExchange.Orbits.Geometry;

namespace NotificationExchange.Orbits.Ephemerides;

/// <summary>
/// An object's path given by TEME states: one or more <see cref="EphemerisSegment"/>s in time order, each taking over
/// where the previous one's usable span ends (a planned maneuver usually starts a segment). It has a state from the
/// first segment's usable start to the last one's usable stop and none outside; at a boundary the later segment
/// applies, so a velocity change there acts as an impulsive burn.
/// </summary>
public sealed class StateEphemeris
{
    /// <summary>How far (s) one segment's usable stop and the next one's usable start may differ and still join.</summary>
    public const double JoinToleranceSeconds = 1e-3;

    public StateEphemeris(IReadOnlyList<EphemerisSegment> segments)
    {
        if (segments.Count == 0)
        {
            throw new ArgumentException("an ephemeris needs at least one segment", nameof(segments));
        }
        for (var i = 1; i < segments.Count; i++)
        {
            var gap = (segments[i].UsableStart - segments[i - 1].UsableStop).Ticks / (double)TimeSpan.TicksPerSecond;
            if (Math.Abs(gap) > JoinToleranceSeconds)
            {
                throw new ArgumentException(
                    $"segment {i + 1} starts {segments[i].UsableStart:O}, {(gap > 0 ? "after" : "before")} segment {i} stops ({segments[i - 1].UsableStop:O}): "
                    + (gap > 0 ? "a gap" : "an overlap"),
                    nameof(segments));
            }
        }
        Segments = [.. segments];
    }

    public IReadOnlyList<EphemerisSegment> Segments { get; }
    public DateTime Start => Segments[0].UsableStart;
    public DateTime Stop => Segments[^1].UsableStop;

    /// <summary>The interpolated TEME state at a UTC instant; false outside [<see cref="Start"/>, <see cref="Stop"/>].</summary>
    public bool StateAt(DateTime utc, out StateVector state)
    {
        state = default;
        if (utc < Start || utc > Stop)
        {
            return false;
        }
        var segment = Segments[SegmentIndexAt(utc)];
        // a join within the tolerance may leave an instant a hair outside both usable spans: clamp into the segment
        var clamped = utc < segment.UsableStart ? segment.UsableStart : utc > segment.UsableStop ? segment.UsableStop : utc;
        return segment.StateAt(clamped, out state);
    }

    /// <summary>The segment in force at an instant: the last one whose usable span starts at or before it.</summary>
    public int SegmentIndexAt(DateTime utc)
    {
        var index = 0;
        while (index + 1 < Segments.Count && Segments[index + 1].UsableStart <= utc)
        {
            index++;
        }
        return index;
    }
}
