using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Rows that do not read back: decoded row by row, so that one never fails a read of anything else.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task An_unreadable_entry_stays_in_ranges_fails_reads_of_its_version_and_is_left_out_of_listings()
    {
        var store = Open();
        await store.WriteAsync(s => (s.AppendNext("N-1"), s.AppendNext("N-2"), s.AppendNext("N-3")));
        await OverwriteSnapshotAsync(2, """{"id": "N-2", "sequ""");

        var range = await store.Log.ReadRangeAsync(1, 3, CancellationToken.None);
        Assert.That(range.Select(e => e.GetType()), Is.EqualTo(new[] { typeof(RecordedEvent), typeof(UnreadableEvent), typeof(RecordedEvent) }));
        var unreadable = (UnreadableEvent)range[1];
        Assert.That((unreadable.Sequence, unreadable.NotificationId, unreadable.Version, unreadable.Type), Is.EqualTo((2L, "N-2", 1, NotificationEventType.Filed)));
        Assert.That(unreadable.Keys?.NoradCatIds, Is.EqualTo(new[] { 25544 }), "the match keys still read back");
        Assert.That(Sequences(await store.Log.ReadAfterAsync(0, 10, CancellationToken.None)), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That((await store.Log.GetHistoryAsync("N-2", CancellationToken.None)).Select(e => e.ToString()), Is.EqualTo(new[] { unreadable.ToString() }));
        Assert.That(Sequences(await store.Outbox.ReadPendingAsync(InstanceA, LogEvents.Epoch, 10, CancellationToken.None)), Is.EqualTo(new long[] { 1, 2, 3 }));

        Assert.That(await DataLoss(() => store.Log.GetVersionAsync("N-2", 1, CancellationToken.None)), Does.Contain("N-2 version 1"));
        Assert.That(await DataLoss(() => store.Log.GetLatestAsync("N-2", CancellationToken.None)), Does.Contain("N-2 version 1"));
        Assert.That(await DataLoss(() => store.WriteAsync(s => s.GetLatest("N-2"))), Does.Contain("N-2 version 1"));
        Assert.That((await store.Log.QueryAsync(Query(pageSize: 10), CancellationToken.None)).Notifications.Select(n => n.Id), Is.EqualTo(new[] { "N-3", "N-1" }));
        Assert.That(await store.Log.GetLatestAsync("N-3", CancellationToken.None), Is.Not.Null);
    }

    [Test]
    public async Task A_snapshot_that_belongs_to_another_row_is_unreadable_there()
    {
        var store = Open();
        var first = await store.WriteAsync(s => s.AppendNext("N-1"));
        await store.WriteAsync(s => s.AppendNext("N-2"));
        await OverwriteSnapshotAsync(2, first.Notification.Stored());

        var range = await store.Log.ReadRangeAsync(1, 2, CancellationToken.None);

        Assert.That(range[0], Is.TypeOf<RecordedEvent>());
        Assert.That(range[1], Is.TypeOf<UnreadableEvent>());
        Assert.That(((UnreadableEvent)range[1]).Reason, Does.Contain("N-1"));
    }

    private static async Task<string> DataLoss<T>(Func<Task<T>> read)
    {
        var refused = await Assert.ThrowsAsync<ExchangeRuleException>(async () => await read());
        Assert.That(refused!.Kind, Is.EqualTo(RuleViolationKind.DataLoss));
        return refused.Message;
    }
}
