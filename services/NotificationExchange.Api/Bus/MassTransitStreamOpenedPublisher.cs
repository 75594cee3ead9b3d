using MassTransit;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.FanOut;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>Announces this instance's new subscriber streams to every instance, through MassTransit.</summary>
internal sealed class MassTransitStreamOpenedPublisher(IBus bus, INotificationLog log, ExchangeInstance instance) : IStreamOpenedPublisher
{
    public Task PublishAsync(OpenedStream opened, CancellationToken cancellationToken) => bus.Publish(new SubscriptionStreamOpened
    {
        StoreId = log.StoreId,
        InstanceId = instance.Id,
        SubscriptionId = opened.SubscriptionId,
        StreamId = opened.StreamId,
        OpenedAt = opened.OpenedAt,
    }, cancellationToken);
}
