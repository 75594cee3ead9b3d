using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>A trajectory with its clock set to seconds from a reference instant (the window start): cheap to evaluate.</summary>
internal readonly struct BoundTrajectory
{
    private readonly Sgp4Propagator _before;
    private readonly Sgp4Propagator? _after;
    private readonly double _beforeOffsetMinutes;
    private readonly double _afterOffsetMinutes;
    private readonly double _switchSeconds;

    public BoundTrajectory(Trajectory trajectory, DateTime reference)
    {
        Source = trajectory;
        _before = trajectory.InitialPropagator;
        _after = trajectory.FinalPropagator;
        _beforeOffsetMinutes = MinutesFromEpoch(_before, reference);
        if (_after is not null)
        {
            _afterOffsetMinutes = MinutesFromEpoch(_after, reference);
            _switchSeconds = (trajectory.SwitchTime!.Value - reference).Ticks / (double)TimeSpan.TicksPerSecond;
        }
        else
        {
            _switchSeconds = double.PositiveInfinity;
        }
    }

    public Trajectory Source { get; }

    public bool HasSwitch => _after is not null;

    public double SwitchSeconds => _switchSeconds;

    public Sgp4Error StateAt(double seconds, out StateVector state) =>
        seconds < _switchSeconds
            ? _before.Propagate(_beforeOffsetMinutes + seconds / 60.0, out state)
            : _after!.Propagate(_afterOffsetMinutes + seconds / 60.0, out state);

    public Sgp4Error MeanElementsAt(double seconds, out Sgp4MeanState mean) =>
        seconds < _switchSeconds
            ? _before.MeanElementsAt(_beforeOffsetMinutes + seconds / 60.0, out mean)
            : _after!.MeanElementsAt(_afterOffsetMinutes + seconds / 60.0, out mean);

    /// <summary>
    /// Whether SGP4's mean eccentricity can leave its range (error 1) in [from, to] s, on either side of a switch; null
    /// when an element set involved is deep-space (see <see cref="Sgp4Propagator.MeanEccentricityMayLeaveRange"/>).
    /// </summary>
    public bool? MeanEccentricityMayLeaveRange(double fromSeconds, double toSeconds)
    {
        if (toSeconds < _switchSeconds)
        {
            return _before.MeanEccentricityMayLeaveRange(_beforeOffsetMinutes + fromSeconds / 60.0, _beforeOffsetMinutes + toSeconds / 60.0);
        }
        var after = _after!.MeanEccentricityMayLeaveRange(
            _afterOffsetMinutes + Math.Max(fromSeconds, _switchSeconds) / 60.0, _afterOffsetMinutes + toSeconds / 60.0);
        if (fromSeconds >= _switchSeconds)
        {
            return after;
        }
        var before = _before.MeanEccentricityMayLeaveRange(_beforeOffsetMinutes + fromSeconds / 60.0, _beforeOffsetMinutes + _switchSeconds / 60.0);
        return before is null || after is null ? null : before.Value || after.Value;
    }

    /// <summary>
    /// The element set as vector lanes (the same one in all four) and its offset: for a single near-Earth element set,
    /// whose state at seconds s is the lanes' at offset + s/60 minutes.
    /// </summary>
    public bool TryLanes(out Sgp4Propagator.Lanes lanes, out double offsetMinutes)
    {
        offsetMinutes = _beforeOffsetMinutes;
        lanes = IsLaneable ? Sgp4Propagator.ToLanes(_before, _before, _before, _before) : default;
        return IsLaneable;
    }

    /// <summary>True for a single near-Earth element set, which the vector kernel can take.</summary>
    public bool IsLaneable => _after is null && !_before.IsDeepSpace;

    /// <summary>The element set before any switch, and the minutes from its epoch to the reference instant.</summary>
    public Sgp4Propagator InitialPropagator => _before;

    public double InitialOffsetMinutes => _beforeOffsetMinutes;

    private static double MinutesFromEpoch(Sgp4Propagator propagator, DateTime reference) =>
        Time.JulianDate.MinutesBetween(propagator.Elements.EpochJulianDateWhole, propagator.Elements.EpochJulianDateFraction, reference);
}
