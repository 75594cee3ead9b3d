namespace NotificationExchange.Domain.Subscriptions;

/// <summary>A durable subscription: a filter, its owner, and how far the owner has acknowledged.</summary>
public sealed record Subscription(
    string Id, string OwnerOperatorId, string Name, SubscriptionFilter Filter, long AcknowledgedSequence, DateTime CreatedAt);
