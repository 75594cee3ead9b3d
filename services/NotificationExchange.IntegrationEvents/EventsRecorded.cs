namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// Events committed to the exchange's log, as one message: what the outbox relay publishes, one message per batch of
/// commits it relays (up to Exchange:Outbox:MaxBatchSize events), confirmed once. Each element has the form of its
/// single-event message; together they are a set, not a range (other instances' events fall between them), in no
/// promised order. At least once, like the single messages: consumers drop a sequence they have already seen.
/// </summary>
public sealed record EventsRecorded
{
    /// <summary>The store the events were recorded in; consumers ignore events of another deployment.</summary>
    public required Guid StoreId { get; init; }

    /// <summary>The instance that published them (Exchange:InstanceId): it has them already, from its own log writer.</summary>
    public required string PublishedBy { get; init; }

    public IReadOnlyList<NotificationEventRecorded> Notifications { get; init; } = [];

    public IReadOnlyList<ConsultationEventRecorded> Consultations { get; init; } = [];

    public IReadOnlyList<DirectLineEventRecorded> DirectLines { get; init; } = [];

    public IReadOnlyList<AlertEventRecorded> Alerts { get; init; } = [];
}
