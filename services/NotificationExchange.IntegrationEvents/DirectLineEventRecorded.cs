namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// A direct line's change committed to the exchange's log. Published once per event, after commit, by the outbox (at
/// least once: consumers drop a sequence they have already seen). It carries the line's two sides so that no instance
/// needs the snapshot to know who may receive it.
/// </summary>
public sealed record DirectLineEventRecorded
{
    /// <summary>The store the event was recorded in; consumers ignore events of another deployment.</summary>
    public required Guid StoreId { get; init; }

    /// <summary>Position in the log; contiguous and in commit order (shared with the other events).</summary>
    public required long Sequence { get; init; }

    public required string DirectLineId { get; init; }

    /// <summary>Proposed or Accepted.</summary>
    public required string EventType { get; init; }

    public required DateTime RecordedAt { get; init; }

    /// <summary>The organisations that may see it: the line's two sides.</summary>
    public required IReadOnlyList<string> Parties { get; init; }

    /// <summary>The change (the line as it left it, and its actor) in the log's JSON form.</summary>
    public required string Snapshot { get; init; }
}
