using MassTransit;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Filing;
using NotificationExchange.IntegrationEvents;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Publishes recorded events through MassTransit as one <see cref="EventsRecorded"/> message per batch the relay hands
/// over; the publish completes when the broker confirms it. One message, not one per event: MassTransit's per-message
/// cost (the publish pipeline and a confirm here, the receive pipeline on every instance's queue) was most of the
/// CPU a filing cost on RabbitMQ (bench/README.md, "Why the RabbitMQ path cost what it did").
/// </summary>
internal sealed class MassTransitEventPublisher(IBus bus, INotificationLog log, ExchangeInstance instance) : IIntegrationEventPublisher
{
    public Task PublishAsync(IReadOnlyList<LogEntry> events, CancellationToken cancellationToken)
    {
        var notifications = new List<NotificationEventRecorded>();
        var consultations = new List<ConsultationEventRecorded>();
        var directLines = new List<DirectLineEventRecorded>();
        var alerts = new List<AlertEventRecorded>();
        foreach (var e in events)
        {
            switch (e)
            {
                case RecordedEvent recorded:
                    notifications.Add(recorded.ToIntegrationEvent(log.StoreId));
                    break;
                case ConsultationRecorded recorded:
                    consultations.Add(recorded.ToIntegrationEvent(log.StoreId));
                    break;
                case DirectLineRecorded recorded:
                    directLines.Add(recorded.ToIntegrationEvent(log.StoreId));
                    break;
                case AlertRecorded recorded:
                    alerts.Add(recorded.ToIntegrationEvent(log.StoreId));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(events), e.GetType().Name, "only readable entries are published");
            }
        }
        return bus.Publish(new EventsRecorded
        {
            StoreId = log.StoreId,
            PublishedBy = instance.Id,
            Notifications = notifications,
            Consultations = consultations,
            DirectLines = directLines,
            Alerts = alerts,
        }, cancellationToken);
    }
}
