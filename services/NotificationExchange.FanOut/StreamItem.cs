using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.FanOut;

/// <summary>What a subscriber stream carries, in order.</summary>
public abstract record StreamItem
{
    public sealed record Event(RecordedEvent Recorded, bool Live) : StreamItem;

    /// <summary>A matching sequence whose event cannot be read back; the stream moves past it.</summary>
    public sealed record Unreadable(UnreadableEvent Entry) : StreamItem;

    /// <summary>
    /// Replay is over; from here on the stream is live. <see cref="Sequence"/> is the position reached: every matching
    /// event up to it has been sent.
    /// </summary>
    public sealed record CaughtUp(long Sequence) : StreamItem;

    public sealed record Heartbeat(DateTime ServerTime, long HeadSequence) : StreamItem;
}
