using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Api.Services;
using NotificationExchange.FanOut;
using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;
using R = NotificationExchange.Orbits.Regimes;
using S = NotificationExchange.Domain.Subscriptions;

namespace NotificationExchange.Api.Mapping;

/// <summary>Subscriptions, their filters and what their streams carry, between the wire and the domain.</summary>
internal static class SubscriptionMapping
{
    public static S.SubscriptionFilter ToDomain(this P.SubscriptionFilter filter) => new(
        filter.Kinds.Select(k => (D.NotificationKind)k).ToArray(),
        filter.NoradCatIds.Select(n => (int)Math.Min(n, int.MaxValue)).ToArray(),
        filter.FilingOperators.ToArray(),
        filter.Regimes.Select(r => (R.OrbitalRegime)r).ToArray(),
        filter.EventTypes.Select(t => (D.NotificationEventType)t).ToArray(),
        filter.ExcludeConsultationEvents,
        filter.Alerts?.ToDomain());

    /// <summary>An alert filter as given; <see cref="S.AlertSubscriptionFilter.Validate"/> names what is wrong on filter.alerts.*.</summary>
    public static S.AlertSubscriptionFilter ToDomain(this P.AlertFilter filter) => new(
        filter.Exclude,
        filter.MaxMissDistanceM,
        filter.MinProbability,
        filter.Regimes.Select(r => (R.OrbitalRegime)r).ToArray(),
        filter.UnannouncedOnly);

    public static P.AlertFilter ToProto(this S.AlertSubscriptionFilter filter) => new()
    {
        Exclude = filter.Exclude,
        MaxMissDistanceM = filter.MaxMissDistanceM,
        MinProbability = filter.MinProbability,
        Regimes = { (filter.Regimes ?? []).Select(r => r.ToProto()) },
        UnannouncedOnly = filter.UnannouncedOnly,
    };

    public static P.Subscription ToProto(this S.Subscription subscription) => new()
    {
        Id = subscription.Id,
        OwnerOperator = subscription.OwnerOperatorId,
        Name = subscription.Name,
        Filter = new P.SubscriptionFilter
        {
            Kinds = { subscription.Filter.Kinds.Select(k => (P.NotificationKind)k) },
            NoradCatIds = { subscription.Filter.NoradCatIds.Select(n => (uint)n) },
            FilingOperators = { subscription.Filter.FilingOperators },
            Regimes = { subscription.Filter.Regimes.Select(r => r.ToProto()) },
            EventTypes = { subscription.Filter.EventTypes.Select(t => t.ToProto()) },
            ExcludeConsultationEvents = subscription.Filter.ExcludeConsultationEvents,
            Alerts = subscription.Filter.Alerts?.ToProto(),
        },
        AcknowledgedSequence = (ulong)subscription.AcknowledgedSequence,
        CreatedAt = Timestamp.FromDateTime(subscription.CreatedAt),
    };

    /// <summary>What a stream sends for an item; events as <see cref="EventMessages"/> renders them.</summary>
    public static P.SubscriptionMessage ToMessage(this StreamItem item) => item switch
    {
        StreamItem.Event e => EventMessages.Message(e.Entry),
        StreamItem.Unreadable u => EventMessages.Message(u.Entry),
        StreamItem.CaughtUp c => new P.SubscriptionMessage { CaughtUp = new P.CaughtUp { Sequence = (ulong)c.Sequence } },
        StreamItem.Heartbeat h => new P.SubscriptionMessage
        {
            Heartbeat = new P.Heartbeat { ServerTime = Timestamp.FromDateTime(h.ServerTime), HeadSequence = (ulong)h.HeadSequence },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, null),
    };
}
