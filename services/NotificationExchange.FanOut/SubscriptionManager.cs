using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.FanOut;

public enum StartPosition
{
    /// <summary>Only events recorded after the subscription is created.</summary>
    Latest,

    /// <summary>Everything the log holds.</summary>
    Earliest,
}

/// <summary>Creates, finds, deletes and acknowledges subscriptions on behalf of their owners.</summary>
public sealed class SubscriptionManager(ISubscriptionStore store, INotificationLog log, ILogWriter writer, LiveFeed feed, TimeProvider clock)
{
    public const int MaxSubscriptionsPerOperator = 100;

    /// <summary>Creates a subscription; <paramref name="prior"/> are violations found before, refused with any others.</summary>
    public async Task<Subscription> CreateAsync(
        string ownerOperatorId, string? name, SubscriptionFilter filter, StartPosition start, IReadOnlyList<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        errors.RequiredText("name", name, 128);
        filter.Validate("filter", errors);
        if (!Enum.IsDefined(start))
        {
            errors.Add("start", $"unknown value {(int)start}");
        }
        errors.ThrowIfAny();
        var existing = await store.ListByOwnerAsync(ownerOperatorId, cancellationToken);
        if (existing.Count >= MaxSubscriptionsPerOperator)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"{ownerOperatorId} already has {existing.Count} subscriptions, the most allowed; delete one first");
        }
        var position = start == StartPosition.Earliest ? 0 : await log.GetHeadSequenceAsync(cancellationToken);
        var subscription = new Subscription(
            $"sub-{Guid.NewGuid():N}", ownerOperatorId, name!.Trim(), filter, position, clock.GetUtcNow().UtcDateTime);
        await store.CreateAsync(subscription, cancellationToken);
        return subscription;
    }

    /// <summary>The subscription, if it exists and belongs to the caller (another operator's is reported as not found).</summary>
    public async Task<Subscription> GetOwnAsync(string ownerOperatorId, string subscriptionId, CancellationToken cancellationToken)
    {
        RequireId(subscriptionId);
        var subscription = await store.GetAsync(subscriptionId, cancellationToken);
        return subscription is not null && subscription.OwnerOperatorId == ownerOperatorId
            ? subscription
            : throw ExchangeRuleException.NotFound($"subscription {subscriptionId}");
    }

    public Task<IReadOnlyList<Subscription>> ListOwnAsync(string ownerOperatorId, CancellationToken cancellationToken) =>
        store.ListByOwnerAsync(ownerOperatorId, cancellationToken);

    public async Task DeleteAsync(string ownerOperatorId, string subscriptionId, CancellationToken cancellationToken)
    {
        await GetOwnAsync(ownerOperatorId, subscriptionId, cancellationToken);
        await store.DeleteAsync(subscriptionId, cancellationToken);
        feed.EndStreams(subscriptionId, new SubscriptionDeletedException(subscriptionId));
    }

    /// <summary>Durably moves the acknowledged position forward; returns the position now stored.</summary>
    public async Task<long> AcknowledgeAsync(string ownerOperatorId, string subscriptionId, long sequence, CancellationToken cancellationToken)
    {
        RequireId(subscriptionId);
        var head = await log.GetHeadSequenceAsync(cancellationToken);
        if (sequence > head)
        {
            throw ExchangeRuleException.Invalid("sequence", $"{sequence} is beyond the last recorded event ({head}); acknowledge only what you received");
        }
        return await writer.WriteAsync(session =>
        {
            var subscription = session.FindSubscription(subscriptionId);
            return subscription is not null && subscription.OwnerOperatorId == ownerOperatorId
                ? session.Acknowledge(subscriptionId, sequence)
                : throw ExchangeRuleException.NotFound($"subscription {subscriptionId}");
        }, cancellationToken);
    }

    private static void RequireId(string subscriptionId)
    {
        if (string.IsNullOrEmpty(subscriptionId))
        {
            throw ExchangeRuleException.Invalid("subscription_id", "is required");
        }
    }
}
