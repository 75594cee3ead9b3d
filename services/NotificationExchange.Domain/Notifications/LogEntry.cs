using NotificationExchange.Domain.Audiences;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// One entry of the exchange's log at its place in commit order: a notification's new version, a consultation's state
/// change, or (rarely) one of them that cannot be read back. Readers of the log see every sequence, readable or not,
/// so that streams stay gapless; what each reader may see of an entry is its <see cref="Audience"/>'s to say.
/// </summary>
public abstract record LogEntry(long Sequence, DateTime RecordedAt)
{
    /// <summary>What notification subscriptions are matched against; null for a consultation's event, or when it could not be read.</summary>
    public abstract MatchKeys? MatchKeys { get; }

    /// <summary>Who may see the entry at all.</summary>
    public abstract EventAudience Audience { get; }

    /// <summary>False for an entry whose stored snapshot cannot be read back: nothing of it is served but its place.</summary>
    public virtual bool IsReadable => true;
}
