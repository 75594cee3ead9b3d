using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;
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

    public static ConsultationEventRecorded ToIntegrationEvent(this ConsultationRecorded recorded, Guid storeId) => new()
    {
        StoreId = storeId,
        Sequence = recorded.Sequence,
        ConsultationId = recorded.Consultation.Id,
        Version = recorded.Consultation.Version,
        EventType = recorded.Type.ToString(),
        RecordedAt = recorded.RecordedAt,
        Parties = recorded.Audience.Parties ?? [],
        Snapshot = NotificationJson.Serialize(recorded.Change),
    };

    /// <summary>The event as the bus brought it; its parties must be the snapshot's (else it is not offered: the log fills it).</summary>
    public static ConsultationRecorded ToRecordedEvent(this ConsultationEventRecorded message)
    {
        var change = NotificationJson.DeserializeConsultationChange(message.Snapshot);
        if (!change.Consultation.Audience.Parties!.SequenceEqual(message.Parties.Order(StringComparer.Ordinal)))
        {
            throw new ArgumentException($"event {message.Sequence} names other parties than its snapshot");
        }
        return new ConsultationRecorded(
            message.Sequence, Enum.Parse<ConsultationEventType>(message.EventType), DateTime.SpecifyKind(message.RecordedAt, DateTimeKind.Utc), change);
    }

    public static DirectLineEventRecorded ToIntegrationEvent(this DirectLineRecorded recorded, Guid storeId) => new()
    {
        StoreId = storeId,
        Sequence = recorded.Sequence,
        DirectLineId = recorded.Line.Id,
        EventType = recorded.Type.ToString(),
        RecordedAt = recorded.RecordedAt,
        Parties = recorded.Audience.Parties ?? [],
        Snapshot = NotificationJson.Serialize(recorded.Change),
    };

    /// <summary>The event as the bus brought it; its parties must be the snapshot's sides (else it is not offered: the log fills it).</summary>
    public static DirectLineRecorded ToRecordedEvent(this DirectLineEventRecorded message)
    {
        var change = NotificationJson.DeserializeDirectLineChange(message.Snapshot);
        if (!change.Line.Audience.Parties!.SequenceEqual(message.Parties.Order(StringComparer.Ordinal)))
        {
            throw new ArgumentException($"event {message.Sequence} names other parties than its snapshot");
        }
        return new DirectLineRecorded(
            message.Sequence, Enum.Parse<DirectLineEventType>(message.EventType), DateTime.SpecifyKind(message.RecordedAt, DateTimeKind.Utc), change);
    }

    public static AlertEventRecorded ToIntegrationEvent(this AlertRecorded recorded, Guid storeId) => new()
    {
        StoreId = storeId,
        Sequence = recorded.Sequence,
        AlertId = recorded.Alert.Id,
        Version = recorded.Alert.Version,
        EventType = recorded.Type.ToString(),
        RecordedAt = recorded.RecordedAt,
        Parties = recorded.Audience.Parties ?? [],
        Snapshot = NotificationJson.SerializeAny(recorded.Change),
    };

    /// <summary>The event as the bus brought it; its parties must be the snapshot's (else it is not offered: the log fills it).</summary>
    public static AlertRecorded ToRecordedEvent(this AlertEventRecorded message)
    {
        var change = NotificationJson.DeserializeAny<AlertChange>(message.Snapshot);
        if (!change.Alert.Audience.Parties!.SequenceEqual(message.Parties.Order(StringComparer.Ordinal)))
        {
            throw new ArgumentException($"event {message.Sequence} names other parties than its snapshot");
        }
        return new AlertRecorded(
            message.Sequence, Enum.Parse<AlertEventType>(message.EventType), DateTime.SpecifyKind(message.RecordedAt, DateTimeKind.Utc), change);
    }

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
