namespace NotificationExchange.FanOut;

/// <summary>The subscription was deleted while its stream was open.</summary>
public sealed class SubscriptionDeletedException(string subscriptionId)
    : StreamEndedException($"subscription {subscriptionId} was deleted");
