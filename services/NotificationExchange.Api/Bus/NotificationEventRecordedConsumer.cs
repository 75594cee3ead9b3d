using MassTransit;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Feeds events recorded by any exchange instance into this instance's live feed, which puts them in order and
/// drops those it already has (this instance's own events reach it straight from its log writer).
/// </summary>
internal sealed class NotificationEventRecordedConsumer(LiveFeed feed, INotificationLog log, ILogger<NotificationEventRecordedConsumer> logger)
    : IConsumer<NotificationEventRecorded>
{
    public Task Consume(ConsumeContext<NotificationEventRecorded> context)
    {
        var message = context.Message;
        if (message.StoreId != log.StoreId)
        {
            logger.LogWarning("Ignoring event {Sequence} of store {StoreId}: this instance serves store {Own}", message.Sequence, message.StoreId, log.StoreId);
        }
        else if (!feed.AlreadyDispatched(message.Sequence))
        {
            RecordedEvent recorded;
            try
            {
                recorded = message.ToRecordedEvent();
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
            {
                // The feed reads this sequence from the log when the next one arrives, readable or not; retrying the
                // message would not make it readable.
                logger.LogError(e, "Event {Sequence} from the bus cannot be read; the log will fill it", message.Sequence);
                return Task.CompletedTask;
            }
            feed.Offer(recorded);
        }
        return Task.CompletedTask;
    }
}
