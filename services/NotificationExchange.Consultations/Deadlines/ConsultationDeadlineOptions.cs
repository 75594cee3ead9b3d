namespace NotificationExchange.Consultations.Deadlines;

/// <summary>Settings of <see cref="ConsultationDeadlines"/>, from Exchange:Consultations.</summary>
public sealed class ConsultationDeadlineOptions
{
    /// <summary>Where the exchange's configuration keeps these settings.</summary>
    public const string Section = "Exchange:Consultations";

    /// <summary>
    /// What a host that starts with a poll interval out of range is told. At most a day: a longer one would leave a
    /// deadline set on an instance that has since stopped unfired for longer than that.
    /// </summary>
    public const string PollIntervalRange = $"{Section}:{nameof(DeadlinePollInterval)} must be more than 00:00:00 and at most 1.00:00:00";

    /// <summary>
    /// How often the store is asked for pending deadlines even when none is due sooner, on the deadline clock: how late
    /// at worst a deadline set by another instance's request (which this one is not told of) can fire here, should
    /// that instance be unable to fire it itself. Consultations requested on this instance are noticed at once.
    /// </summary>
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal bool IsValid() => DeadlinePollInterval > TimeSpan.Zero && DeadlinePollInterval <= TimeSpan.FromDays(1);
}
