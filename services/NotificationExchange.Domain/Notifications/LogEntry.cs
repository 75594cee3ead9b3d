namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// One entry of the exchange's log at its place in commit order: an event, or (rarely) one that cannot be read back.
/// Readers of the log see every sequence, readable or not, so that streams stay gapless.
/// </summary>
public abstract record LogEntry(long Sequence, NotificationEventType Type, DateTime RecordedAt)
{
    /// <summary>What subscriptions are matched against; null when it could not be read either.</summary>
    public abstract MatchKeys? MatchKeys { get; }
}
