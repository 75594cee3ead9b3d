using MassTransit;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Filing;

namespace NotificationExchange.Api.Bus;

/// <summary>Publishes recorded events through MassTransit; each publish completes when the broker confirms it.</summary>
internal sealed class MassTransitEventPublisher(IBus bus, INotificationLog log) : IIntegrationEventPublisher
{
    public Task PublishAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken) =>
        Task.WhenAll(events.Select(e => bus.Publish(e.ToIntegrationEvent(log.StoreId), cancellationToken)));
}
