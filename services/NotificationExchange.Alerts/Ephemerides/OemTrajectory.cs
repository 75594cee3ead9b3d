using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Orbits.Ephemerides;
using NotificationExchange.Orbits.Frames;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Alerts.Ephemerides;

/// <summary>
/// An OEM as a screenable trajectory: every segment, in order, becomes an <see cref="EphemerisSegment"/> of TEME states
/// at UTC times. Accepted: centre EARTH; frames TEME (taken as is), EME2000 (J2000 is read as EME2000), GCRF and ICRF
/// (both taken as EME2000, frame bias neglected) converted by <see cref="TemeFrame"/>; any time system the CCSDS library
/// converts to UTC (UTC, TAI, TT, GPS, TDB). INTERPOLATION HERMITE or LAGRANGE with its degree, LINEAR as Lagrange of
/// degree 1, none as Hermite of degree 7. Everything else is refused, each problem with its segment, line and reason:
/// an unsupported frame or centre, fewer states than the interpolation needs, states out of order, states so far apart
/// that interpolation cannot be trusted (the object sweeps more than <see cref="EphemerisSegment.MaxStepAngleRad"/>
/// about the Earth between them), and gaps or overlaps between segments.
/// </summary>
public static class OemTrajectory
{
    public static bool TryMap(
        OemMessage message, int catalogNumber, out Trajectory? trajectory, out IReadOnlyList<OemEphemerisProblem> problems)
    {
        var found = new List<OemEphemerisProblem>();
        var segments = new List<(EphemerisSegment Segment, int Number, int? Line)>();
        for (var index = 0; index < message.Segments.Count; index++)
        {
            if (MapSegment(message.Segments[index], index + 1, found) is { } segment)
            {
                segments.Add((segment, index + 1, message.Segments[index].Metadata.Location?.Line));
            }
        }
        if (message.Segments.Count == 0)
        {
            found.Add(new OemEphemerisProblem(0, null, "META_START", "the message has no segment"));
        }
        for (var i = 1; i < segments.Count; i++)
        {
            var (previous, previousNumber, _) = segments[i - 1];
            var (next, number, line) = segments[i];
            var gap = (next.UsableStart - previous.UsableStop).TotalSeconds;
            if (gap > StateEphemeris.JoinToleranceSeconds)
            {
                found.Add(new OemEphemerisProblem(number, line, "USEABLE_START_TIME",
                    $"starts {gap:0.###} s after segment {previousNumber} stops ({previous.UsableStop:yyyy-MM-ddTHH:mm:ss.fff} UTC): the ephemeris has a gap"));
            }
            else if (gap < -StateEphemeris.JoinToleranceSeconds)
            {
                found.Add(new OemEphemerisProblem(number, line, "USEABLE_START_TIME",
                    $"starts {-gap:0.###} s before segment {previousNumber} stops ({previous.UsableStop:yyyy-MM-ddTHH:mm:ss.fff} UTC): segments overlap"));
            }
        }
        problems = found;
        trajectory = found.Count == 0
            ? Trajectory.FromEphemeris(new StateEphemeris([.. segments.Select(s => s.Segment)]), catalogNumber, message.Segments[0].Metadata.ObjectName)
            : null;
        return trajectory is not null;
    }

    private static EphemerisSegment? MapSegment(OemSegment segment, int number, List<OemEphemerisProblem> problems)
    {
        var metadata = segment.Metadata;
        var before = problems.Count;
        int? LineOf(string keyword) => metadata.LocationOf(keyword)?.Line ?? metadata.Location?.Line;
        if (!string.Equals(metadata.CenterName, "EARTH", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(number, LineOf("CENTER_NAME"), "CENTER_NAME", $"'{metadata.CenterName}': only EARTH-centred ephemerides can be screened"));
        }
        var frame = metadata.RefFrame.ToUpperInvariant();
        if (frame is not ("TEME" or "EME2000" or "J2000" or "GCRF" or "ICRF"))
        {
            problems.Add(new(number, LineOf("REF_FRAME"), "REF_FRAME", $"'{metadata.RefFrame}' is not supported (TEME, EME2000, GCRF or ICRF)"));
        }
        if (!CcsdsTimeSystems.ConvertsToUtc(metadata.TimeSystem))
        {
            problems.Add(new(number, LineOf("TIME_SYSTEM"), "TIME_SYSTEM", $"'{metadata.TimeSystem}' cannot be converted to UTC (UTC, TAI, TT, GPS or TDB)"));
        }
        var interpolation = EphemerisInterpolation.Hermite;
        var degree = -1;
        switch (metadata.Interpolation?.ToUpperInvariant())
        {
            case null:
                degree = EphemerisSegment.DefaultHermiteDegree;
                break;
            case "HERMITE":
                degree = metadata.InterpolationDegree ?? EphemerisSegment.DefaultHermiteDegree;
                break;
            case "LAGRANGE":
                interpolation = EphemerisInterpolation.Lagrange;
                degree = metadata.InterpolationDegree ?? EphemerisSegment.DefaultLagrangeDegree;
                break;
            case "LINEAR":
                interpolation = EphemerisInterpolation.Lagrange;
                degree = 1;
                break;
        }
        if (degree < 0)
        {
            problems.Add(new(number, LineOf("INTERPOLATION"), "INTERPOLATION", $"'{metadata.Interpolation}' is not supported (HERMITE, LAGRANGE or LINEAR)"));
        }
        else if (degree < 1 || degree > EphemerisSegment.MaxDegree)
        {
            problems.Add(new(number, LineOf("INTERPOLATION_DEGREE"), "INTERPOLATION_DEGREE", $"{degree} is not within 1 to {EphemerisSegment.MaxDegree}"));
        }
        else
        {
            var needed = EphemerisSegment.PointsFor(interpolation, degree);
            if (segment.States.Count < needed)
            {
                problems.Add(new(number, metadata.Location?.Line, "EPHEMERIS",
                    $"too few states: {segment.States.Count}, where {interpolation.ToString().ToUpperInvariant()} of degree {degree} needs {needed}"));
            }
        }
        if (problems.Count > before)
        {
            return null;
        }

        var times = new List<DateTime>(segment.States.Count);
        var states = new List<StateVector>(segment.States.Count);
        foreach (var point in segment.States)
        {
            var line = point.Location?.Line;
            if (!CcsdsTimeSystems.TryToUtc(point.Epoch, metadata.TimeSystem, out var utc, out var problem))
            {
                problems.Add(new(number, line, "EPOCH", problem));
                continue;
            }
            if (times.Count > 0 && utc <= times[^1])
            {
                problems.Add(new(number, line, "EPOCH", $"{point.Epoch} is not after the state before it"));
                continue;
            }
            var state = new StateVector(new Vector3d(point.X, point.Y, point.Z), new Vector3d(point.XDot, point.YDot, point.ZDot));
            if (state.PositionKm.Length < 100.0 || !double.IsFinite(state.PositionKm.Length) || !double.IsFinite(state.VelocityKmPerS.Length))
            {
                problems.Add(new(number, line, "EPHEMERIS", $"the position {state.PositionKm.Length:0.###} km from the centre is not an orbit"));
                continue;
            }
            if (times.Count > 0)
            {
                var previous = states[^1];
                var seconds = (utc - times[^1]).TotalSeconds;
                var rate = Math.Max(previous.VelocityKmPerS.Length / previous.PositionKm.Length, state.VelocityKmPerS.Length / state.PositionKm.Length);
                if (rate * seconds > EphemerisSegment.MaxStepAngleRad)
                {
                    problems.Add(new(number, line, "EPOCH",
                        $"a gap: {seconds:0.###} s after the state before it, the object sweeps {rate * seconds * 180.0 / Math.PI:0.#}° about the Earth "
                        + $"(interpolation is trusted up to {EphemerisSegment.MaxStepAngleRad * 180.0 / Math.PI:0.#}°)"));
                }
            }
            times.Add(utc);
            states.Add(frame == "TEME" ? state : TemeFrame.FromEme2000(state, TemeFrame.TerrestrialTime(utc, CcsdsTimeSystems.TaiMinusUtc(utc))));
        }
        if (problems.Count > before)
        {
            return null;
        }

        // the usable span: USEABLE_START/STOP_TIME when given, else START/STOP_TIME, and never beyond the states
        var usableStart = Later(times[0], ToUtc(metadata.UseableStartTime ?? metadata.StartTime, metadata.TimeSystem));
        var usableStop = Earlier(times[^1], ToUtc(metadata.UseableStopTime ?? metadata.StopTime, metadata.TimeSystem));
        if (usableStop < usableStart)
        {
            problems.Add(new(number, LineOf("USEABLE_STOP_TIME"), "USEABLE_STOP_TIME", "the usable span holds no time between the segment's first and last states"));
            return null;
        }
        return new EphemerisSegment(times, states, interpolation, degree, usableStart, usableStop);
    }

    private static DateTime? ToUtc(CcsdsTime time, string timeSystem) =>
        CcsdsTimeSystems.TryToUtc(time, timeSystem, out var utc, out _) ? utc : null;

    private static DateTime Later(DateTime a, DateTime? b) => b is { } value && value > a ? value : a;

    private static DateTime Earlier(DateTime a, DateTime? b) => b is { } value && value < a ? value : a;
}
