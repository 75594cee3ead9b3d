namespace NotificationExchange.Consultations.Conversations;

public sealed class ConversationOptions
{
    /// <summary>
    /// How often the hub asks the store for the last message and the receipts of every consultation with a stream open
    /// here, so that a message or receipt whose bus announcement was lost (the last one of a burst, a broker restart)
    /// still reaches the streams.
    /// </summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Live messages held for a stream that has not written them yet. Past that, further ones are not held: the stream
    /// reads them from the store when it gets to them, so a slow reader costs store reads, not memory.
    /// </summary>
    public int StreamBufferCapacity { get; set; } = 256;

    /// <summary>Messages read from the store at a time, when a stream replays or fills a gap.</summary>
    public int ReplayPageSize { get; set; } = 200;

    /// <summary>How long telling the other instances of a message or a receipt may take before it is given up (the check above covers it).</summary>
    public TimeSpan AnnounceTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
