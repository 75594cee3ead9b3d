namespace NotificationExchange.FanOut;

/// <summary>
/// Tells the other exchange instances that a stream opened here, so that each ends its own older stream of the same
/// subscription. Nothing durable: an announcement lost with the bus leaves both streams open, as if there were one
/// instance per stream.
/// </summary>
public interface IStreamOpenedPublisher
{
    Task PublishAsync(OpenedStream opened, CancellationToken cancellationToken);
}
