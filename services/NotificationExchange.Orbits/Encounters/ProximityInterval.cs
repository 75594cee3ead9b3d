namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// One stretch of time during which the range between two objects stayed within the criteria's distance.
/// <see cref="OpenAtStart"/>/<see cref="OpenAtEnd"/>: the range was already (still) within the distance at the
/// window's start (end, or the first SGP4 failure of either object), so the approach may be longer than the interval.
/// Speeds are relative speeds, km/s; the mean is over time.
/// </summary>
public sealed record ProximityInterval(
    DateTime Start,
    DateTime End,
    bool OpenAtStart,
    bool OpenAtEnd,
    DateTime TimeOfMinimumRange,
    double MinimumRangeKm,
    double RelativeSpeedAtMinimumKmPerS,
    double MinimumRelativeSpeedKmPerS,
    double MeanRelativeSpeedKmPerS,
    ProximityFlags Flags)
{
    public TimeSpan Duration => End - Start;

    public bool IsFlagged => Flags != ProximityFlags.None;
}
