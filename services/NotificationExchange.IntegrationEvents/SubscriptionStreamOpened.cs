namespace NotificationExchange.IntegrationEvents;

/// <summary>
/// A subscriber stream opened on one exchange instance. Every other instance ends its own stream of the same
/// subscription if that one is older: a subscription streams to one consumer at a time, the newest. Published
/// directly, not through the outbox: one lost leaves two streams open, which the next one opened corrects.
/// </summary>
public sealed record SubscriptionStreamOpened
{
    /// <summary>The store the subscription lives in; consumers ignore messages of another deployment.</summary>
    public required Guid StoreId { get; init; }

    /// <summary>The instance the stream opened on; it has already ended its own older stream.</summary>
    public required string InstanceId { get; init; }

    public required string SubscriptionId { get; init; }

    /// <summary>Tells apart two streams opened at the same instant; the greater is the newer.</summary>
    public required Guid StreamId { get; init; }

    public required DateTime OpenedAt { get; init; }
}
