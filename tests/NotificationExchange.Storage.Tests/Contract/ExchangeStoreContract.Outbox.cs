using NotificationExchange.Domain.Notifications;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// The outbox: every appended event is pending until marked published; orphans are taken over by age.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task Appended_events_are_pending_in_order_until_marked_published()
    {
        var store = Open();
        await store.WriteAsync(s => (s.AppendNext("N-1"), s.AppendNext("N-2"), s.AppendNext("N-3")));
        await store.WriteAsync(s => (s.AppendNext("N-1"), s.AppendNext("N-4")));

        Assert.That(await store.Outbox.CountPendingAsync(CancellationToken.None), Is.EqualTo(5));
        Assert.That(await Pending(store, InstanceA, 10), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(await Pending(store, InstanceA, 2), Is.EqualTo(new long[] { 1, 2 }));
        var pending = await store.Outbox.ReadPendingAsync(InstanceA, LogEvents.Epoch, 10, CancellationToken.None);
        Assert.That(pending.Cast<RecordedEvent>().Select(e => e.Notification.Id), Is.EqualTo(new[] { "N-1", "N-2", "N-3", "N-1", "N-4" }));

        await store.WriteAsync(s =>
        {
            s.MarkPublished([1, 3]);
            return 0;
        });

        Assert.That(await Pending(store, InstanceA, 10), Is.EqualTo(new long[] { 2, 4, 5 }));
        Assert.That(await store.Outbox.CountPendingAsync(CancellationToken.None), Is.EqualTo(3));
        Assert.That(await store.Log.GetHeadSequenceAsync(CancellationToken.None), Is.EqualTo(5), "publishing removes nothing from the log");
    }

    [Test]
    public async Task Another_instances_pending_events_are_taken_over_once_older_than_the_limit()
    {
        var a = Open("instance-a");
        var b = Open("instance-b");
        await a.WriteAsync(s => s.AppendNext("N-1", recordedAt: LogEvents.Epoch));
        await b.WriteAsync(s => s.AppendNext("N-2", recordedAt: LogEvents.Epoch.AddMinutes(10)));

        // Written at or after the limit: each instance sees only its own.
        Assert.That(await Pending(b, "instance-b", 10, LogEvents.Epoch), Is.EqualTo(new long[] { 2 }));
        Assert.That(await Pending(a, "instance-a", 10, LogEvents.Epoch), Is.EqualTo(new long[] { 1 }));
        // Written before it: taken over by whoever reads.
        Assert.That(await Pending(b, "instance-b", 10, LogEvents.Epoch.AddSeconds(1)), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(await Pending(a, "instance-a", 10, LogEvents.Epoch.AddMinutes(11)), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(await Pending(a, "instance-c", 10, LogEvents.Epoch.AddSeconds(1)), Is.EqualTo(new long[] { 1 }));
    }

    private static async Task<long[]> Pending(OpenedStore store, string instanceId, int maxCount, DateTime? takeOverBefore = null) =>
        Sequences(await store.Outbox.ReadPendingAsync(instanceId, takeOverBefore ?? LogEvents.Epoch, maxCount, CancellationToken.None));
}
