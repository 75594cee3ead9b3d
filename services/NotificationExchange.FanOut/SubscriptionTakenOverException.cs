using System.Globalization;

namespace NotificationExchange.FanOut;

/// <summary>
/// A newer stream opened the same subscription, on this instance or another: a subscription streams to one consumer
/// at a time. The message says when the other stream opened, never who opened it.
/// </summary>
public sealed class SubscriptionTakenOverException(string subscriptionId, DateTime takenOverAt)
    : StreamEndedException(string.Create(CultureInfo.InvariantCulture,
        $"another stream opened subscription {subscriptionId} at {takenOverAt:yyyy-MM-ddTHH:mm:ss.fffZ}; a subscription streams to one consumer at a time, the newest"))
{
    public DateTime TakenOverAt { get; } = takenOverAt;
}
