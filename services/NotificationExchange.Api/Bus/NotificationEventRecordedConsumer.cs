using MassTransit;
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
    public Task Consume(ConsumeContext<NotificationEventRecorded> context) =>
        BusEventOffer.Offer(feed, log, logger, context.Message.StoreId, context.Message.Sequence, context.Message.ToRecordedEvent);
}
