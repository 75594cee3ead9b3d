using NotificationExchange.Domain.Alerts;

namespace NotificationExchange.Alerts.Coordination;

/// <summary>
/// When both operators' declared intents conflict: both will maneuver (their maneuvers may cancel each other out), or
/// neither will while the alert stands open. Judged only when both objects have operators that have acknowledged: an
/// object nobody operates cannot declare anything, and an undecided or silent operator conflicts with nobody.
/// </summary>
public static class IntentConflicts
{
    public static IntentConflict Of(Alert alert)
    {
        if (alert.Primary is not { OperatorId: not null, Response.Intent: { } primary }
            || alert.Secondary is not { OperatorId: not null, Response.Intent: { } secondary })
        {
            return IntentConflict.None;
        }
        return (primary, secondary) switch
        {
            (ManeuverIntent.WillManeuver, ManeuverIntent.WillManeuver) => IntentConflict.BothWillManeuver,
            (ManeuverIntent.WillNotManeuver, ManeuverIntent.WillNotManeuver) when alert.State == AlertState.Open => IntentConflict.NeitherWillManeuver,
            _ => IntentConflict.None,
        };
    }
}
