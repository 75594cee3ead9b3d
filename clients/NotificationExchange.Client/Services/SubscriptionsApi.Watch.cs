using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

public sealed partial class SubscriptionsApi
{
    /// <summary>Follows a subscription for as long as the caller reads: replay, then live, reconnecting by itself and
    /// resuming from the last position it yielded, never yielding an event twice (see <see cref="ResilientSubscription"/>).
    /// Heartbeats and CaughtUp come through too, for a live view. Ends by the caller's cancellation, or with an
    /// <see cref="Errors.NxException"/> when the exchange refuses the subscription (deleted, taken over, not allowed).</summary>
    public IAsyncEnumerable<SubscriptionMessage> Watch(string subscriptionId, WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        new ResilientSubscription(Raw, subscriptionId, options ?? new WatchOptions()).ReadAllAsync(cancellationToken);
}
