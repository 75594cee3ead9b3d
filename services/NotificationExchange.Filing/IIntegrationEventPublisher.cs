using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing;

/// <summary>Puts recorded events on the bus; completes once the bus has confirmed every one of them.</summary>
public interface IIntegrationEventPublisher
{
    Task PublishAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
