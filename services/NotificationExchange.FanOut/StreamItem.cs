using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.FanOut;

/// <summary>What a subscriber stream carries, in order.</summary>
public abstract record StreamItem
{
    /// <summary>A readable entry: a notification's version or a consultation's state change.</summary>
    public sealed record Event(LogEntry Entry, bool Live) : StreamItem;

    /// <summary>A matching sequence whose event cannot be read back (either kind); the stream moves past it.</summary>
    public sealed record Unreadable(LogEntry Entry) : StreamItem;

    /// <summary>
    /// Replay is over; from here on the stream is live. <see cref="Sequence"/> is the position reached: every matching
    /// event up to it has been sent.
    /// </summary>
    public sealed record CaughtUp(long Sequence) : StreamItem;

    public sealed record Heartbeat(DateTime ServerTime, long HeadSequence) : StreamItem;
}
