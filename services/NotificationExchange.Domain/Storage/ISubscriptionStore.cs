using NotificationExchange.Domain.Subscriptions;

namespace NotificationExchange.Domain.Storage;

public interface ISubscriptionStore
{
    Task CreateAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<Subscription?> GetAsync(string subscriptionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListByOwnerAsync(string ownerOperatorId, CancellationToken cancellationToken);

    /// <summary>False when there was no such subscription.</summary>
    Task<bool> DeleteAsync(string subscriptionId, CancellationToken cancellationToken);
}
