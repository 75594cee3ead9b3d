namespace NotificationExchange.FanOut;

/// <summary>
/// A subscriber stream as the takeover rule sees it: which subscription, which stream, when it opened. Of the streams
/// open on one subscription, on any instance, the newest stays; newest means the later <see cref="OpenedAt"/>, the
/// greater <see cref="StreamId"/> breaking a tie, so that every instance applying the rule to the same two streams
/// ends the same one. Instances share one SQLite file, hence one machine and one clock.
/// </summary>
public sealed record OpenedStream(string SubscriptionId, Guid StreamId, DateTime OpenedAt)
{
    public bool IsNewerThan(OpenedStream other) =>
        OpenedAt != other.OpenedAt ? OpenedAt > other.OpenedAt : StreamId.CompareTo(other.StreamId) > 0;
}
