using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Subscriptions;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.FanOut;

/// <summary>
/// Creates, finds, deletes and acknowledges subscriptions on behalf of their owners, and opens their streams. A
/// subscription streams to one consumer at a time: a stream opening ends the older stream of the same subscription,
/// here at once and on the other instances through <see cref="IStreamOpenedPublisher"/>, so that a client reconnecting
/// after a half-dead connection is never locked out, and two consumers of one subscription find out instead of
/// silently sharing its events.
/// </summary>
public sealed class SubscriptionManager(
    ISubscriptionStore store,
    INotificationLog log,
    ILogWriter writer,
    LiveFeed feed,
    IStreamOpenedPublisher announcer,
    IOptions<FanOutOptions> options,
    ExchangeMetrics metrics,
    TimeProvider clock,
    ILogger<SubscriptionManager> logger)
{
    public const int MaxSubscriptionsPerOperator = 100;

    private readonly Lock _streamsLock = new();
    // Guarded by _streamsLock: the one stream of each subscription open on this instance and not yet told to end.
    private readonly Dictionary<string, SubscriptionSession> _streams = [];

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
        EndStream(subscriptionId, _ => true, new SubscriptionDeletedException(subscriptionId));
    }

    /// <summary>
    /// Opens a stream of the subscription after <paramref name="resumeAfter"/>, ending the one already open here and,
    /// through the bus, those open on other instances. Disposing the session closes it.
    /// </summary>
    public SubscriptionSession OpenStream(Subscription subscription, long resumeAfter)
    {
        SubscriptionSession session;
        SubscriptionSession? older;
        lock (_streamsLock)
        {
            // Stamped under the lock, so that on this instance a later open is also a newer stream.
            var opened = new OpenedStream(subscription.Id, Guid.NewGuid(), clock.GetUtcNow().UtcDateTime);
            session = new SubscriptionSession(feed, log, options.Value, metrics, clock, subscription, resumeAfter, opened, Closed);
            _streams.Remove(subscription.Id, out older);
            _streams[subscription.Id] = session;
        }
        older?.End(new SubscriptionTakenOverException(subscription.Id, session.Opened.OpenedAt));
        _ = AnnounceAsync(session.Opened);
        return session;
    }

    /// <summary>A stream of one of the subscriptions opened on another instance: the older one open here, if any, ends.</summary>
    public void StreamOpenedElsewhere(OpenedStream opened) =>
        EndStream(opened.SubscriptionId, local => opened.IsNewerThan(local.Opened), new SubscriptionTakenOverException(opened.SubscriptionId, opened.OpenedAt));

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

    /// <summary>Ends the stream of the subscription open here, if it meets the condition. Ended outside the lock: ending runs the stream's callbacks.</summary>
    private void EndStream(string subscriptionId, Func<SubscriptionSession, bool> condition, StreamEndedException reason)
    {
        SubscriptionSession? ending = null;
        lock (_streamsLock)
        {
            if (_streams.TryGetValue(subscriptionId, out var open) && condition(open))
            {
                ending = open;
                _streams.Remove(subscriptionId);
            }
        }
        ending?.End(reason);
    }

    private void Closed(SubscriptionSession session)
    {
        lock (_streamsLock)
        {
            if (_streams.TryGetValue(session.Opened.SubscriptionId, out var current) && current == session)
            {
                _streams.Remove(session.Opened.SubscriptionId);
            }
        }
    }

    /// <summary>Never delays or fails the stream it announces: the bus may be down while subscribers stream.</summary>
    private async Task AnnounceAsync(OpenedStream opened)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.AnnounceTimeout, clock);
            await announcer.PublishAsync(opened, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not tell the other instances that a stream of {SubscriptionId} opened here; their older streams of it stay open", opened.SubscriptionId);
        }
    }

    private static void RequireId(string subscriptionId)
    {
        if (string.IsNullOrEmpty(subscriptionId))
        {
            throw ExchangeRuleException.Invalid("subscription_id", "is required");
        }
    }
}
