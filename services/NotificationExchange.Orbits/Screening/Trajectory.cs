using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Geometry;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// An object's path for screening: its SGP4 element set, or, after a planned maneuver, one element set up to the
/// ignition and another from it on.
/// </summary>
public sealed class Trajectory
{
    private readonly Sgp4Propagator _before;
    private readonly Sgp4Propagator? _after;

    public Trajectory(Sgp4Propagator propagator, string? name = null)
    {
        _before = propagator;
        Name = name;
    }

    private Trajectory(Sgp4Propagator before, DateTime switchTime, Sgp4Propagator after, string? name)
    {
        _before = before;
        _after = after;
        SwitchTime = switchTime;
        Name = name;
    }

    public static Trajectory FromTle(TwoLineElementSet tle) => new(new Sgp4Propagator(Sgp4Elements.FromTle(tle)), tle.Name);

    /// <summary>The path that follows <paramref name="after"/> from <paramref name="switchTime"/> on.</summary>
    public Trajectory ContinuedBy(DateTime switchTime, Sgp4Propagator after) => new(_before, switchTime, after, Name);

    public int CatalogNumber => _before.Elements.CatalogNumber;
    public string? Name { get; }

    /// <summary>When the path changes element sets (the maneuver's ignition); null for a single element set.</summary>
    public DateTime? SwitchTime { get; }

    public Sgp4Propagator InitialPropagator => _before;

    /// <summary>The element set in force from the switch on; null for a single element set.</summary>
    public Sgp4Propagator? FinalPropagator => _after;

    /// <summary>True when SDP4 applies (for a maneuvered path: on either side).</summary>
    public bool IsDeepSpace => _before.IsDeepSpace || (_after?.IsDeepSpace ?? false);

    /// <summary>TEME state at a UTC instant.</summary>
    public Sgp4Error StateAt(DateTime utc, out StateVector state)
    {
        var propagator = _after is not null && utc >= SwitchTime ? _after : _before;
        var minutes = Time.JulianDate.MinutesBetween(
            propagator.Elements.EpochJulianDateWhole, propagator.Elements.EpochJulianDateFraction, utc);
        return propagator.Propagate(minutes, out state);
    }

    internal BoundTrajectory Bind(DateTime reference) => new(this, reference);
}
