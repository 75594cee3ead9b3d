using NotificationExchange.Domain.Alerts;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// A close approach a screen found, as an alert would describe it; the reconciliation gives it an identity (a new
/// alert, or the open alert of the same encounter) and its acknowledgement deadlines.
/// </summary>
public sealed record AlertCandidate(
    AlertObject Primary,
    AlertObject Secondary,
    DateTime Tca,
    double MissDistanceM,
    Domain.Notifications.RtnVector RelativePositionM,
    double RelativeSpeedMps,
    VolumeInfo Volume,
    CollisionEstimate Probability,
    UnannouncedApproach? Unannounced,
    Orbits.Regimes.OrbitalRegime Regime);
