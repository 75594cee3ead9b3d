namespace NotificationExchange.Alerts.Coordination;

/// <summary>Settings of <see cref="AlertDeadlines"/>, from Exchange:Alerts.</summary>
public sealed class AlertDeadlineOptions
{
    public const string Section = "Exchange:Alerts";

    public const string PollIntervalRange = $"{Section}:{nameof(DeadlinePollInterval)} must be more than 00:00:00 and at most 1.00:00:00";

    /// <summary>
    /// How often the store is asked for due alerts even when none is due sooner, on the deadline clock: how late at
    /// worst an alert another instance raised (which this one is not told of) is escalated or closed here.
    /// </summary>
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal bool IsValid() => DeadlinePollInterval > TimeSpan.Zero && DeadlinePollInterval <= TimeSpan.FromDays(1);
}
