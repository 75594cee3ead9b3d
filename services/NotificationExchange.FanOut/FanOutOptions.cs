namespace NotificationExchange.FanOut;

public sealed class FanOutOptions
{
    /// <summary>
    /// Live events a stream may hold while its subscriber reads. A stream that falls this far behind is ended with a
    /// status telling the subscriber to resume from its position (replay from the log then catches it up), so one
    /// slow subscriber never holds up the feed or the others.
    /// </summary>
    public int StreamBufferCapacity { get; set; } = 4096;

    /// <summary>
    /// A stream that must end (its subscriber fell behind, its subscription was deleted or taken over) first gets this long to
    /// finish the write under way, so that the subscriber receives the ending status; a subscriber that reads
    /// nothing at all in that time has its stream reset instead.
    /// </summary>
    public TimeSpan EndingWriteGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A quiet stream gets a heartbeat this often.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the feed compares its position with the log's head, to fill what the bus did not bring.</summary>
    public TimeSpan GapCheckInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long telling the other instances that a stream opened here may take before it is given up.</summary>
    public TimeSpan AnnounceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events read from the log at a time during replay.</summary>
    public int ReplayPageSize { get; set; } = 500;
}
