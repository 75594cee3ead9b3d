namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// One interval of a pair for <see cref="EncounterSearch.SearchTwoAtATime"/>: the pair (both paths single near-Earth
/// element sets), the interval [From, To] (s), the screening distance and the bound on the relative acceleration, and
/// the index of the list its times of closest approach go to.
/// </summary>
internal readonly record struct EncounterInterval(
    int Owner, BoundTrajectory Primary, BoundTrajectory Secondary, double From, double To, double ThresholdKm, double AccelerationBound);
