namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// A notification event committed to the exchange's log: filed, amended, cancelled or execution reported. Published
/// once per event, after commit, by the outbox (at least once: consumers drop a sequence they have already seen).
/// </summary>
public sealed record NotificationEventRecorded
{
    /// <summary>The store the event was recorded in; consumers ignore events of another deployment.</summary>
    public required Guid StoreId { get; init; }

    /// <summary>Position in the log; contiguous and in commit order.</summary>
    public required long Sequence { get; init; }

    public required string NotificationId { get; init; }
    public required int Version { get; init; }

    /// <summary>Filed, Amended, Cancelled or ExecutionReported.</summary>
    public required string EventType { get; init; }

    /// <summary>Maneuver, ProximityOperation or Launch.</summary>
    public required string Kind { get; init; }

    public required string FilingOperator { get; init; }
    public required DateTime RecordedAt { get; init; }

    /// <summary>Catalogue numbers the notification concerns, over all its versions so far.</summary>
    public required IReadOnlyList<int> NoradCatIds { get; init; }

    /// <summary>Orbital regimes (Leo, Meo, Geo, Heo) of the notification, over all its versions so far.</summary>
    public required IReadOnlyList<string> Regimes { get; init; }

    /// <summary>The notification at this version, in the log's JSON form.</summary>
    public required string Snapshot { get; init; }
}
