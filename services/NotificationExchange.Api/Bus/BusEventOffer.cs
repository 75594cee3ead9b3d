using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// What every consumer of a recorded event does with it: an event of this store that the live feed has not dispatched
/// yet is offered to it (the feed puts events in order and drops those it already has; this instance's own reach it
/// straight from its log writer). An event of another store is ignored; one that cannot be read is left to the log,
/// from which the feed fills the sequence when the next one arrives, readable or not (retrying the message would not
/// make it readable).
/// </summary>
internal static class BusEventOffer
{
    public static Task Offer(LiveFeed feed, INotificationLog log, ILogger logger, Guid storeId, long sequence, Func<LogEntry> read)
    {
        if (storeId != log.StoreId)
        {
            logger.LogWarning("Ignoring event {Sequence} of store {StoreId}: this instance serves store {Own}", sequence, storeId, log.StoreId);
        }
        else if (!feed.AlreadyDispatched(sequence))
        {
            LogEntry entry;
            try
            {
                entry = read();
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
            {
                logger.LogError(e, "Event {Sequence} from the bus cannot be read; the log will fill it", sequence);
                return Task.CompletedTask;
            }
            feed.Offer(entry);
        }
        return Task.CompletedTask;
    }
}
