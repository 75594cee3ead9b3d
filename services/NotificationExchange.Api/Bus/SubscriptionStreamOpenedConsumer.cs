using MassTransit;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Ends this instance's stream of a subscription when a newer one opened on another instance. The instance that
/// published the message has ended its own older stream already.
/// </summary>
internal sealed class SubscriptionStreamOpenedConsumer(
    SubscriptionManager subscriptions, INotificationLog log, ExchangeInstance instance, ILogger<SubscriptionStreamOpenedConsumer> logger)
    : IConsumer<SubscriptionStreamOpened>
{
    public Task Consume(ConsumeContext<SubscriptionStreamOpened> context)
    {
        var message = context.Message;
        if (message.StoreId != log.StoreId)
        {
            logger.LogWarning("Ignoring a stream of subscription {SubscriptionId} of store {StoreId}: this instance serves store {Own}",
                message.SubscriptionId, message.StoreId, log.StoreId);
        }
        else if (message.InstanceId != instance.Id)
        {
            subscriptions.StreamOpenedElsewhere(
                new OpenedStream(message.SubscriptionId, message.StreamId, DateTime.SpecifyKind(message.OpenedAt, DateTimeKind.Utc)));
        }
        return Task.CompletedTask;
    }
}
