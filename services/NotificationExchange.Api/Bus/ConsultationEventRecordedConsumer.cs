using MassTransit;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Feeds consultation events recorded by any instance into this instance's live feed, in the log's one order with
/// notification events; the feed's streams then give each only to the parties (the audience check in their matcher).
/// </summary>
internal sealed class ConsultationEventRecordedConsumer(LiveFeed feed, INotificationLog log, ILogger<ConsultationEventRecordedConsumer> logger)
    : IConsumer<ConsultationEventRecorded>
{
    public Task Consume(ConsumeContext<ConsultationEventRecorded> context)
    {
        var message = context.Message;
        if (message.StoreId != log.StoreId)
        {
            logger.LogWarning("Ignoring event {Sequence} of store {StoreId}: this instance serves store {Own}", message.Sequence, message.StoreId, log.StoreId);
        }
        else if (!feed.AlreadyDispatched(message.Sequence))
        {
            ConsultationRecorded recorded;
            try
            {
                recorded = message.ToRecordedEvent();
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
            {
                // The feed reads this sequence from the log when the next one arrives, readable or not.
                logger.LogError(e, "Event {Sequence} from the bus cannot be read; the log will fill it", message.Sequence);
                return Task.CompletedTask;
            }
            feed.Offer(recorded);
        }
        return Task.CompletedTask;
    }
}
