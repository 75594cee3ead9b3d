namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// By when an operator must acknowledge an alert: a quarter of the time from raising to TCA, at least 15 minutes and
/// at most 24 hours after raising, and never after TCA. An approach days away leaves a working day to answer; one an
/// hour away leaves 15 minutes, and the escalation to the 24/7 desk still comes before the TCA.
/// </summary>
public static class AcknowledgementDeadline
{
    public static DateTime For(DateTime raisedAt, DateTime tca)
    {
        var quarter = TimeSpan.FromTicks(Math.Max(0, (tca - raisedAt).Ticks / 4));
        var wait = quarter < TimeSpan.FromMinutes(15) ? TimeSpan.FromMinutes(15) : quarter > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : quarter;
        var deadline = raisedAt + wait;
        return deadline > tca ? tca : deadline;
    }
}
