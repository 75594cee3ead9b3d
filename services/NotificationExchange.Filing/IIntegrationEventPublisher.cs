using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Filing;

/// <summary>Puts recorded (readable) events of either kind on the bus; completes once the bus has confirmed every one of them.</summary>
public interface IIntegrationEventPublisher
{
    Task PublishAsync(IReadOnlyList<LogEntry> events, CancellationToken cancellationToken);
}
