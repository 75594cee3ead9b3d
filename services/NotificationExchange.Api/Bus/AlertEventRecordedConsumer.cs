using MassTransit;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Feeds alert events recorded by any instance into this instance's live feed, in the log's one order with the other
/// events; the feed's streams then give each only to the alert's parties (the audience check in their matcher).
/// </summary>
internal sealed class AlertEventRecordedConsumer(LiveFeed feed, INotificationLog log, ILogger<AlertEventRecordedConsumer> logger)
    : IConsumer<AlertEventRecorded>
{
    public Task Consume(ConsumeContext<AlertEventRecorded> context) =>
        BusEventOffer.Offer(feed, log, logger, context.Message.StoreId, context.Message.Sequence, context.Message.ToRecordedEvent);
}
