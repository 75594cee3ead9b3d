namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// By when an operator must acknowledge an alert about its object: a quarter of the time from raising to TCA, at least
/// <see cref="Shortest"/> and at most <see cref="Longest"/> after raising, and never after TCA. A quarter leaves three
/// quarters of the warning for planning and executing a maneuver once intents are known; the floor gives a desk time
/// to answer a late alert at all, the ceiling keeps a week-ahead alert from waiting days for a first answer.
/// </summary>
public static class AcknowledgementDeadline
{
    public static TimeSpan Shortest { get; } = TimeSpan.FromMinutes(15);

    public static TimeSpan Longest { get; } = TimeSpan.FromHours(24);

    /// <summary>The deadline of an alert raised at <paramref name="raisedAt"/> about an approach at <paramref name="tca"/>.</summary>
    public static DateTime For(DateTime raisedAt, DateTime tca)
    {
        var quarter = TimeSpan.FromTicks(Math.Max(0, (tca - raisedAt).Ticks / 4));
        var window = quarter < Shortest ? Shortest : quarter > Longest ? Longest : quarter;
        var deadline = raisedAt + window;
        return deadline > tca ? tca : deadline;
    }
}
