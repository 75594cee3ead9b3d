using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// A trajectory with its clock set to seconds from a reference instant (the window start): cheap to evaluate. A path
/// with maneuvers switches element sets at each ignition; an ephemeris switches segments where each later one takes
/// over, and has no state outside its span.
/// </summary>
internal readonly struct BoundTrajectory
{
    private static readonly double[] _noSwitches = [];

    /// <summary>The element set up to the first switch; null for an ephemeris.</summary>
    private readonly Sgp4Propagator? _first;
    private readonly double _firstOffsetMinutes;

    /// <summary>The element set from each switch on (one per switch), and its minutes from epoch at the reference.</summary>
    private readonly Sgp4Propagator[]? _later;
    private readonly double[]? _laterOffsetMinutes;

    /// <summary>Switch times, s from the reference, strictly increasing.</summary>
    private readonly double[] _switches;

    private readonly BoundEphemeris? _ephemeris;

    public BoundTrajectory(Trajectory trajectory, DateTime reference)
    {
        Source = trajectory;
        if (trajectory.Ephemeris is not null)
        {
            _ephemeris = new BoundEphemeris(trajectory.Ephemeris, reference);
            _switches = _ephemeris.Switches;
            return;
        }
        var propagators = trajectory.Propagators;
        _first = propagators[0];
        _firstOffsetMinutes = MinutesFromEpoch(_first, reference);
        _switches = _noSwitches;
        if (propagators.Count > 1)
        {
            _later = [.. propagators.Skip(1)];
            _laterOffsetMinutes = [.. _later.Select(p => MinutesFromEpoch(p, reference))];
            _switches = [.. trajectory.SwitchTimes.Select(t => (t - reference).Ticks / (double)TimeSpan.TicksPerSecond)];
        }
    }

    public Trajectory Source { get; }

    /// <summary>True when the path switches at least once (a maneuver, or a later ephemeris segment).</summary>
    public bool HasSwitch => _switches.Length > 0;

    /// <summary>The first switch (s from the reference); infinity when there is none. See <see cref="Switches"/>.</summary>
    public double SwitchSeconds => _switches.Length > 0 ? _switches[0] : double.PositiveInfinity;

    /// <summary>Every switch (s from the reference), in time order.</summary>
    public ReadOnlySpan<double> Switches => _switches;

    /// <summary>Whether a switch lies in (<paramref name="after"/>, <paramref name="atOrBefore"/>].</summary>
    public bool SwitchesWithin(double after, double atOrBefore)
    {
        foreach (var s in _switches)
        {
            if (s > after && s <= atOrBefore)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first switch strictly after <paramref name="seconds"/>; infinity when there is none.</summary>
    public double NextSwitchAfter(double seconds)
    {
        foreach (var s in _switches)
        {
            if (s > seconds)
            {
                return s;
            }
        }
        return double.PositiveInfinity;
    }

    /// <summary>True for an ephemeris path, which has no mean elements.</summary>
    public bool IsEphemeris => _ephemeris is not null;

    public BoundEphemeris? Ephemeris => _ephemeris;

    /// <summary>Where the path starts to have states (s from the reference): its span's start for an ephemeris, else
    /// minus infinity.</summary>
    public double ValidFromSeconds => _ephemeris?.ValidFromSeconds ?? double.NegativeInfinity;

    public Sgp4Error StateAt(double seconds, out StateVector state)
    {
        if (_ephemeris is not null)
        {
            return _ephemeris.StateAt(seconds, out state) ? Sgp4Error.None : Sgp4Error.OutsideEphemeris;
        }
        if (_later is null || seconds < _switches[0])
        {
            return _first!.Propagate(_firstOffsetMinutes + seconds / 60.0, out state);
        }
        var i = LaterIndex(seconds);
        return _later[i].Propagate(_laterOffsetMinutes![i] + seconds / 60.0, out state);
    }

    /// <summary>SGP4's mean elements at a time; <see cref="Sgp4Error.OutsideEphemeris"/> for an ephemeris, which has none.</summary>
    public Sgp4Error MeanElementsAt(double seconds, out Sgp4MeanState mean)
    {
        if (_ephemeris is not null)
        {
            mean = default;
            return Sgp4Error.OutsideEphemeris;
        }
        if (_later is null || seconds < _switches[0])
        {
            return _first!.MeanElementsAt(_firstOffsetMinutes + seconds / 60.0, out mean);
        }
        var i = LaterIndex(seconds);
        return _later[i].MeanElementsAt(_laterOffsetMinutes![i] + seconds / 60.0, out mean);
    }

    /// <summary>
    /// Whether SGP4's mean eccentricity can leave its range (error 1) in [from, to] s, on every element set in force
    /// there; null when an element set involved is deep-space (see <see cref="Sgp4Propagator.MeanEccentricityMayLeaveRange"/>)
    /// or the path is an ephemeris.
    /// </summary>
    public bool? MeanEccentricityMayLeaveRange(double fromSeconds, double toSeconds)
    {
        if (_ephemeris is not null)
        {
            return null;
        }
        var any = false;
        // piece 0 is the first element set, up to the first switch; piece i + 1 the one from switch i on
        for (var piece = 0; piece <= _switches.Length; piece++)
        {
            var pieceFrom = piece == 0 ? double.NegativeInfinity : _switches[piece - 1];
            var pieceTo = piece == _switches.Length ? double.PositiveInfinity : _switches[piece];
            var from = Math.Max(fromSeconds, pieceFrom);
            var to = Math.Min(toSeconds, pieceTo);
            if (to < from || (piece < _switches.Length && from >= pieceTo))
            {
                continue;
            }
            var (propagator, offset) = piece == 0 ? (_first!, _firstOffsetMinutes) : (_later![piece - 1], _laterOffsetMinutes![piece - 1]);
            var result = propagator.MeanEccentricityMayLeaveRange(offset + from / 60.0, offset + to / 60.0);
            if (result is null)
            {
                return null;
            }
            any |= result.Value;
        }
        return any;
    }

    /// <summary>
    /// The element set as vector lanes (the same one in all four) and its offset: for a single near-Earth element set,
    /// whose state at seconds s is the lanes' at offset + s/60 minutes.
    /// </summary>
    public bool TryLanes(out Sgp4Propagator.Lanes lanes, out double offsetMinutes)
    {
        offsetMinutes = _firstOffsetMinutes;
        lanes = IsLaneable ? Sgp4Propagator.ToLanes(_first!, _first!, _first!, _first!) : default;
        return IsLaneable;
    }

    /// <summary>True for a single near-Earth element set, which the vector kernel can take.</summary>
    public bool IsLaneable => _first is not null && _later is null && !_first.IsDeepSpace;

    /// <summary>The element set before any switch (null for an ephemeris), and the minutes from its epoch to the
    /// reference instant.</summary>
    public Sgp4Propagator InitialPropagator => _first ?? throw new InvalidOperationException("an ephemeris path has no element set");

    public double InitialOffsetMinutes => _firstOffsetMinutes;

    /// <summary>The index into the later element sets for a time at or after the first switch.</summary>
    private int LaterIndex(double seconds)
    {
        var i = 0;
        while (i + 1 < _switches.Length && seconds >= _switches[i + 1])
        {
            i++;
        }
        return i;
    }

    private static double MinutesFromEpoch(Sgp4Propagator propagator, DateTime reference) =>
        Time.JulianDate.MinutesBetween(propagator.Elements.EpochJulianDateWhole, propagator.Elements.EpochJulianDateFraction, reference);
}
