using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Subscriptions;

namespace NotificationExchange.Storage.Tests.Contract;

/// <summary>Subscriptions as the exchange creates them, with a filter that uses every list.</summary>
public static class Subscriptions
{
    public static Subscription Of(string id, string owner, DateTime createdAt) => new(
        id,
        owner,
        $"subscription {id}",
        new SubscriptionFilter([NotificationKind.Maneuver], [25544, 1002], ["op-a"], [], [NotificationEventType.Filed]),
        0,
        createdAt);

    /// <summary>A subscription's stored form, for comparing (its filter's lists compare by reference).</summary>
    public static string Stored(this Subscription s) =>
        $"{s.Id} {s.OwnerOperatorId} {s.Name} {s.AcknowledgedSequence} {s.CreatedAt.Ticks} {s.CreatedAt.Kind} {NotificationJson.Serialize(s.Filter)}";
}
