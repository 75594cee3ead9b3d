namespace NotificationExchange.Domain.Alerts;

public enum ManeuverIntent
{
    Undecided = 1,
    WillManeuver = 2,
    WillNotManeuver = 3,
}
