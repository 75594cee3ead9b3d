using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Ephemerides;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// An object's path for screening: its SGP4 element set; after planned maneuvers, one element set up to the first
/// ignition and another from each ignition on (switch times strictly increasing); or an ephemeris of TEME states
/// (<see cref="StateEphemeris"/>), which has a state only inside its span.
/// </summary>
public sealed class Trajectory
{
    private readonly Sgp4Propagator[] _propagators;
    private readonly DateTime[] _switchTimes;

    public Trajectory(Sgp4Propagator propagator, string? name = null)
        : this([propagator], [], null, propagator.Elements.CatalogNumber, name)
    {
    }

    private Trajectory(Sgp4Propagator[] propagators, DateTime[] switchTimes, StateEphemeris? ephemeris, int catalogNumber, string? name)
    {
        _propagators = propagators;
        _switchTimes = switchTimes;
        Ephemeris = ephemeris;
        CatalogNumber = catalogNumber;
        Name = name;
        IsDeepSpace = ephemeris is null ? propagators.Any(p => p.IsDeepSpace) : EphemerisIsDeepSpace(ephemeris);
    }

    public static Trajectory FromTle(TwoLineElementSet tle) => new(new Sgp4Propagator(Sgp4Elements.FromTle(tle)), tle.Name);

    /// <summary>A path given by an ephemeris, screened as the object <paramref name="catalogNumber"/>.</summary>
    public static Trajectory FromEphemeris(StateEphemeris ephemeris, int catalogNumber, string? name = null) =>
        new([], [], ephemeris, catalogNumber, name);

    /// <summary>
    /// The path that follows <paramref name="after"/> from <paramref name="switchTime"/> on; the switch must come after
    /// every switch the path already has (maneuvers are applied in time order).
    /// </summary>
    public Trajectory ContinuedBy(DateTime switchTime, Sgp4Propagator after)
    {
        if (Ephemeris is not null)
        {
            throw new InvalidOperationException($"object {CatalogNumber} is given by an ephemeris, which has no element set to continue");
        }
        if (_switchTimes.Length > 0 && switchTime <= _switchTimes[^1])
        {
            throw new ArgumentException(
                $"object {CatalogNumber}: a switch at {switchTime:O} is not after the path's last switch at {_switchTimes[^1]:O}", nameof(switchTime));
        }
        return new([.. _propagators, after], [.. _switchTimes, switchTime], null, CatalogNumber, Name);
    }

    public int CatalogNumber { get; }
    public string? Name { get; }

    /// <summary>The ephemeris the path is given by; null for an SGP4 path.</summary>
    public StateEphemeris? Ephemeris { get; }

    /// <summary>When the path first changes element sets (the first maneuver's ignition); null for a single element set.</summary>
    public DateTime? SwitchTime => _switchTimes.Length > 0 ? _switchTimes[0] : null;

    /// <summary>Every change of element sets (each maneuver's ignition), in time order; empty for a single element set.</summary>
    public IReadOnlyList<DateTime> SwitchTimes => _switchTimes;

    /// <summary>The element sets in force: the first up to the first switch, then one from each switch on.</summary>
    public IReadOnlyList<Sgp4Propagator> Propagators => _propagators;

    /// <summary>The element set before any switch (throws for an ephemeris path, which has none).</summary>
    public Sgp4Propagator InitialPropagator => _propagators.Length > 0
        ? _propagators[0]
        : throw new InvalidOperationException($"object {CatalogNumber} is given by an ephemeris and has no element set");

    /// <summary>The element set in force from the last switch on; null for a single element set or an ephemeris.</summary>
    public Sgp4Propagator? FinalPropagator => _switchTimes.Length > 0 ? _propagators[^1] : null;

    /// <summary>True when SDP4 applies to any of its element sets; for an ephemeris, when its first state's
    /// osculating period is 225 minutes or more (the Space-Track deep-space boundary).</summary>
    public bool IsDeepSpace { get; }

    /// <summary>The element set in force at a UTC instant (the last whose switch is at or before it).</summary>
    public Sgp4Propagator PropagatorAt(DateTime utc)
    {
        var index = 0;
        while (index < _switchTimes.Length && utc >= _switchTimes[index])
        {
            index++;
        }
        return index < _propagators.Length
            ? _propagators[index]
            : throw new InvalidOperationException($"object {CatalogNumber} is given by an ephemeris and has no element set");
    }

    /// <summary>TEME state at a UTC instant; <see cref="Sgp4Error.OutsideEphemeris"/> outside an ephemeris's span.</summary>
    public Sgp4Error StateAt(DateTime utc, out StateVector state)
    {
        if (Ephemeris is not null)
        {
            return Ephemeris.StateAt(utc, out state) ? Sgp4Error.None : Sgp4Error.OutsideEphemeris;
        }
        var propagator = PropagatorAt(utc);
        var minutes = Time.JulianDate.MinutesBetween(
            propagator.Elements.EpochJulianDateWhole, propagator.Elements.EpochJulianDateFraction, utc);
        return propagator.Propagate(minutes, out state);
    }

    internal BoundTrajectory Bind(DateTime reference) => new(this, reference);

    private static bool EphemerisIsDeepSpace(StateEphemeris ephemeris)
    {
        var state = ephemeris.Segments[0].StateOf(0);
        var r = state.PositionKm.Length;
        var energy = state.VelocityKmPerS.LengthSquared / 2.0 - Sgp4Propagator.MuKm3PerS2 / r;
        if (energy >= 0.0)
        {
            return true;
        }
        var a = -Sgp4Propagator.MuKm3PerS2 / (2.0 * energy);
        var periodMinutes = 2.0 * Math.PI * Math.Sqrt(a * a * a / Sgp4Propagator.MuKm3PerS2) / 60.0;
        return periodMinutes >= 225.0;
    }
}
