namespace NotificationExchange.Client.Streams;

/// <summary>A stream failed to open, or dropped without progress: the reconnection backs off before the next attempt.
/// Never leaves the library.</summary>
internal sealed class StreamDroppedException(string reason) : Exception(reason);
