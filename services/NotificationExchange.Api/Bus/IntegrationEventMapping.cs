using NotificationExchange.Domain.Notifications;
using NotificationExchange.IntegrationEvents;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Api.Bus;

internal static class IntegrationEventMapping
{
    public static NotificationEventRecorded ToIntegrationEvent(this RecordedEvent recorded, Guid storeId) => new()
    {
        StoreId = storeId,
        Sequence = recorded.Sequence,
        NotificationId = recorded.Notification.Id,
        Version = recorded.Notification.Version,
        EventType = recorded.Type.ToString(),
        Kind = recorded.Keys.Kind.ToString(),
        FilingOperator = recorded.Keys.FilingOperator,
        RecordedAt = recorded.RecordedAt,
        NoradCatIds = recorded.Keys.NoradCatIds,
        Regimes = recorded.Keys.Regimes.Select(r => r.ToString()).ToArray(),
        Snapshot = NotificationJson.Serialize(recorded.Notification),
    };

    public static RecordedEvent ToRecordedEvent(this NotificationEventRecorded message) => new(
        message.Sequence,
        Enum.Parse<NotificationEventType>(message.EventType),
        DateTime.SpecifyKind(message.RecordedAt, DateTimeKind.Utc),
        NotificationJson.DeserializeNotification(message.Snapshot),
        new MatchKeys(
            Enum.Parse<NotificationKind>(message.Kind),
            message.FilingOperator,
            message.NoradCatIds,
            message.Regimes.Select(Enum.Parse<OrbitalRegime>).ToArray()));
}
