namespace NotificationExchange.Domain.Alerts;

/// <summary>Why an approach looks deliberate, with no proximity-operation notice covering it.</summary>
public sealed record UnannouncedApproach(
    DateTime WithinDistanceFrom,
    DateTime WithinDistanceTo,
    double DistanceThresholdKm,
    double MinimumRangeKm,
    double MinimumRelativeSpeedMps,
    string Reason);
