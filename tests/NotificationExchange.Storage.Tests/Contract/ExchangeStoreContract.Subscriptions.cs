using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Subscriptions and their acknowledged positions.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task Subscriptions_are_created_read_listed_by_owner_and_deleted()
    {
        var store = Open();
        var later = Subscriptions.Of("sub-1", "op-a", LogEvents.Epoch.AddMinutes(1));
        var earlier = Subscriptions.Of("sub-2", "op-a", LogEvents.Epoch);
        var others = Subscriptions.Of("sub-3", "op-b", LogEvents.Epoch);
        foreach (var subscription in new[] { later, earlier, others })
        {
            await store.Subscriptions.CreateAsync(subscription, CancellationToken.None);
        }

        Assert.That((await store.Subscriptions.GetAsync("sub-1", CancellationToken.None))?.Stored(), Is.EqualTo(later.Stored()));
        Assert.That((await store.WriteAsync(s => s.FindSubscription("sub-1")))?.Stored(), Is.EqualTo(later.Stored()));
        Assert.That((await store.Subscriptions.ListByOwnerAsync("op-a", CancellationToken.None)).Select(s => s.Stored()),
            Is.EqualTo(new[] { earlier.Stored(), later.Stored() }), "oldest first");
        Assert.That(await store.Subscriptions.ListByOwnerAsync("op-c", CancellationToken.None), Is.Empty);

        Assert.That(await store.Subscriptions.DeleteAsync("sub-1", CancellationToken.None), Is.True);
        Assert.That(await store.Subscriptions.DeleteAsync("sub-1", CancellationToken.None), Is.False);
        Assert.That(await store.Subscriptions.GetAsync("sub-1", CancellationToken.None), Is.Null);
        Assert.That(await store.WriteAsync(s => s.FindSubscription("sub-1")), Is.Null);
        Assert.That((await store.Subscriptions.ListByOwnerAsync("op-a", CancellationToken.None)).Select(s => s.Id), Is.EqualTo(new[] { "sub-2" }));
    }

    [Test]
    public async Task Acknowledgements_only_move_forward_and_survive_a_restart()
    {
        var store = Open();
        await store.Subscriptions.CreateAsync(Subscriptions.Of("sub-1", "op-a", LogEvents.Epoch), CancellationToken.None);

        Assert.That(await store.WriteAsync(s => s.Acknowledge("sub-1", 5)), Is.EqualTo(5));
        Assert.That(await store.WriteAsync(s => s.Acknowledge("sub-1", 3)), Is.EqualTo(5), "never back");
        Assert.That(await store.WriteAsync(s => s.Acknowledge("sub-1", 8)), Is.EqualTo(8));

        store = Reopen(store);

        Assert.That((await store.Subscriptions.GetAsync("sub-1", CancellationToken.None))!.AcknowledgedSequence, Is.EqualTo(8));
        Assert.That(await store.WriteAsync(s => s.FindSubscription("sub-1")!.AcknowledgedSequence), Is.EqualTo(8));
    }
}
