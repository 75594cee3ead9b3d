using MassTransit;
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
    public Task Consume(ConsumeContext<ConsultationEventRecorded> context) =>
        BusEventOffer.Offer(feed, log, logger, context.Message.StoreId, context.Message.Sequence, context.Message.ToRecordedEvent);
}
