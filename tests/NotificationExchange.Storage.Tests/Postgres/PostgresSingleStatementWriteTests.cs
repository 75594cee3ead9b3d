using NotificationExchange.Storage.Tests.Contract;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>
/// The writes the store runs outside the log writer, as one statement on a pooled connection, are run a second time
/// when the connection turns out dead; the first run may have committed before it died, so each must answer the
/// same when run twice.
/// </summary>
public sealed class PostgresSingleStatementWriteTests
{
    [Test]
    public async Task A_subscription_created_again_after_its_answer_was_lost_is_stored_once_and_the_second_run_succeeds()
    {
        using var storage = new PostgresStoreUnderTest();
        using var store = OpenedStore.Open(storage, "instance-a");
        var subscription = Subscriptions.Of("sub-retried", "op-a", LogEvents.Epoch);

        await store.Subscriptions.CreateAsync(subscription, CancellationToken.None);
        // what the retry after a lost commit answer does: the same insert, with the same fresh id
        await store.Subscriptions.CreateAsync(subscription, CancellationToken.None);

        var stored = await store.Subscriptions.ListByOwnerAsync("op-a", CancellationToken.None);
        Assert.That(stored.Select(s => s.Id), Is.EqualTo(new[] { "sub-retried" }));
    }

    [Test]
    public async Task After_the_server_restarts_a_subscription_is_created_on_the_first_call_though_the_pool_held_dead_connections()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        using var storage = new PostgresStoreUnderTest(cluster);
        using var store = OpenedStore.Open(storage, "instance-a");
        await store.Subscriptions.CreateAsync(Subscriptions.Of("sub-before", "op-a", LogEvents.Epoch), CancellationToken.None);

        await cluster.StopServerAsync("immediate");
        await cluster.StartServerAsync();

        await store.Subscriptions.CreateAsync(Subscriptions.Of("sub-after", "op-a", LogEvents.Epoch), CancellationToken.None);
        var stored = await store.Subscriptions.ListByOwnerAsync("op-a", CancellationToken.None);
        Assert.That(stored.Select(s => s.Id), Is.EquivalentTo(new[] { "sub-before", "sub-after" }));
    }
}
