using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Subscriptions;

/// <summary>Finds one of the caller's subscriptions by id, or by name when only one has it.</summary>
internal static class SubscriptionLookup
{
    /// <summary>The name of the subscription nxc watch follows when given none.</summary>
    public const string DefaultName = "nxc";

    /// <summary>The subscription <paramref name="idOrName"/> names. One the caller does not have is asked for by id,
    /// for the exchange to refuse (NOT_FOUND): its answer to give.</summary>
    public static async Task<Subscription> FindAsync(Session session, string idOrName, CancellationToken cancellationToken)
    {
        var mine = (await session.Client.Subscriptions.ListSubscriptionsAsync(new ListSubscriptionsRequest(), cancellationToken)).Subscriptions;
        if (mine.FirstOrDefault(s => s.Id == idOrName) is { } byId)
        {
            return byId;
        }
        var named = mine.Where(s => s.Name == idOrName).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => await session.Client.Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = idOrName }, cancellationToken),
            _ => throw new UsageException($"{named.Count} subscriptions are named {idOrName}: give its id ({string.Join(", ", named.Select(s => s.Id))})"),
        };
    }

    /// <summary>The caller's subscription named "nxc", created on first use: no filter (everything the caller may
    /// see), starting at the latest event.</summary>
    public static async Task<(Subscription Subscription, bool Created)> DefaultAsync(Session session, CancellationToken cancellationToken)
    {
        var mine = (await session.Client.Subscriptions.ListSubscriptionsAsync(new ListSubscriptionsRequest(), cancellationToken)).Subscriptions;
        if (mine.Where(s => s.Name == DefaultName).OrderBy(s => s.CreatedAt).FirstOrDefault() is { } existing)
        {
            return (existing, false);
        }
        var created = await session.Client.Subscriptions.CreateSubscriptionAsync(
            new CreateSubscriptionRequest { Name = DefaultName, Filter = new SubscriptionFilter(), Start = StartPosition.Latest }, cancellationToken);
        return (created, true);
    }
}
