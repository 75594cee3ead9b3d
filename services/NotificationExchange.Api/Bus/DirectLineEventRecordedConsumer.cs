using MassTransit;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Feeds direct-line events recorded by any instance into this instance's live feed, in the log's one order with the
/// other events; the feed's streams then give each only to the line's two sides (the audience check in their matcher).
/// </summary>
internal sealed class DirectLineEventRecordedConsumer(LiveFeed feed, INotificationLog log, ILogger<DirectLineEventRecordedConsumer> logger)
    : IConsumer<DirectLineEventRecorded>
{
    public Task Consume(ConsumeContext<DirectLineEventRecorded> context) =>
        BusEventOffer.Offer(feed, log, logger, context.Message.StoreId, context.Message.Sequence, context.Message.ToRecordedEvent);
}
