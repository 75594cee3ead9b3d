namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// An alert's change committed to the exchange's log. Published once per event, after commit, by the outbox (at least
/// once: consumers drop a sequence they have already seen). It carries the alert's parties so that no instance needs
/// the snapshot to know who may receive it.
/// </summary>
public sealed record AlertEventRecorded
{
    /// <summary>The store the event was recorded in; consumers ignore events of another deployment.</summary>
    public required Guid StoreId { get; init; }

    /// <summary>Position in the log; contiguous and in commit order (shared with the other events).</summary>
    public required long Sequence { get; init; }

    public required string AlertId { get; init; }

    public required int Version { get; init; }

    /// <summary>Raised, Updated, Withdrawn, Closed, Acknowledged, IntentConflict or Escalated.</summary>
    public required string EventType { get; init; }

    public required DateTime RecordedAt { get; init; }

    /// <summary>The organisations that may see it: both objects' operators and the triggering notification's filer.</summary>
    public required IReadOnlyList<string> Parties { get; init; }

    /// <summary>The change (the alert as it left it, its actor, whom an escalation names) in the log's JSON form.</summary>
    public required string Snapshot { get; init; }
}
