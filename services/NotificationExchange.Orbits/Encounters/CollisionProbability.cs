namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// A probability of collision and what it is: <see cref="Kind"/> says whether it was computed from covariances or is the
/// maximum over all covariances; <see cref="Method"/> is the CCSDS CDM COLLISION_PROBABILITY_METHOD value (SANA
/// registry names, e.g. FOSTER-1992, ALFANO-MAX-PROBABILITY). <see cref="MissDistanceM"/> is the relative position's
/// length in the encounter plane (perpendicular to the relative velocity); <see cref="HardBodyRadiusM"/> the combined
/// radius used.
/// </summary>
public sealed record CollisionProbability(
    double Value,
    CollisionProbabilityKind Kind,
    string Method,
    double MissDistanceM,
    double HardBodyRadiusM);
