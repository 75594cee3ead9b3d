namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// A close approach found by a screen: the time of closest approach (a local minimum of the range, where the range
/// rate crosses zero going up), the miss distance, the secondary's position relative to the primary in the primary's
/// radial/in-track/cross-track frame at that time, and the relative speed.
/// </summary>
public sealed record Conjunction(
    int PrimaryCatalogNumber,
    int SecondaryCatalogNumber,
    DateTime TimeOfClosestApproach,
    double MissDistanceKm,
    double RadialKm,
    double InTrackKm,
    double CrossTrackKm,
    double RelativeSpeedKmPerS);
