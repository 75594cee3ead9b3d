namespace NotificationExchange.Domain.Alerts;

public enum IntentConflict
{
    None = 0,

    /// <summary>Both operators will maneuver: their maneuvers may cancel each other out.</summary>
    BothWillManeuver = 1,

    /// <summary>Neither will maneuver while the alert stands.</summary>
    NeitherWillManeuver = 2,
}
