using MassTransit;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Filing;

namespace NotificationExchange.Api.Bus;

/// <summary>Publishes recorded events through MassTransit; each publish completes when the broker confirms it.</summary>
internal sealed class MassTransitEventPublisher(IBus bus, INotificationLog log) : IIntegrationEventPublisher
{
    public Task PublishAsync(IReadOnlyList<LogEntry> events, CancellationToken cancellationToken) =>
        Task.WhenAll(events.Select(e => e switch
        {
            RecordedEvent recorded => bus.Publish(recorded.ToIntegrationEvent(log.StoreId), cancellationToken),
            ConsultationRecorded recorded => bus.Publish(recorded.ToIntegrationEvent(log.StoreId), cancellationToken),
            DirectLineRecorded recorded => bus.Publish(recorded.ToIntegrationEvent(log.StoreId), cancellationToken),
            AlertRecorded recorded => bus.Publish(recorded.ToIntegrationEvent(log.StoreId), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(events), e.GetType().Name, "only readable entries are published"),
        }));
}
