namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// A consultation's state change committed to the exchange's log. Published once per event, after commit, by the
/// outbox (at least once: consumers drop a sequence they have already seen). It carries the parties so that no
/// instance needs the snapshot to know who may receive it.
/// </summary>
public sealed record ConsultationEventRecorded
{
    /// <summary>The store the event was recorded in; consumers ignore events of another deployment.</summary>
    public required Guid StoreId { get; init; }

    /// <summary>Position in the log; contiguous and in commit order (shared with notification events).</summary>
    public required long Sequence { get; init; }

    public required string ConsultationId { get; init; }
    public required int Version { get; init; }

    /// <summary>Requested, Acknowledged, Accepted, Declined, TimeProposed, Withdrawn, Escalated, ClosureProposed, ...</summary>
    public required string EventType { get; init; }

    public required DateTime RecordedAt { get; init; }

    /// <summary>The organisations that may see it: the requester and the counterparts.</summary>
    public required IReadOnlyList<string> Parties { get; init; }

    /// <summary>The change (the consultation at this version, its actor, contacts, reason) in the log's JSON form.</summary>
    public required string Snapshot { get; init; }
}
